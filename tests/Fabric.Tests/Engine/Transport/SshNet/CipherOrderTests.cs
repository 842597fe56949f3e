using Fabric.Engine.Ssh;
using Fabric.Engine.Transport.SshNet;
using Renci.SshNet;

namespace Fabric.Tests.Engine.Transport.SshNet;

public class CipherOrderTests
{
    [Fact]
    public void AES_GCM_comes_first_and_no_cipher_is_lost()
    {
        var info = new ConnectionInfo("127.0.0.2", 22, "u", new NoneAuthenticationMethod("u"));
        var before = info.Encryptions.Keys.ToHashSet();

        CipherOrder.Apply(info);

        Assert.Equal(["aes128-gcm@openssh.com", "aes256-gcm@openssh.com"], info.Encryptions.Keys.Take(2));
        Assert.Equal(before, info.Encryptions.Keys.ToHashSet());
    }
}
