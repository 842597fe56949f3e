using Fabric.Engine.Transport.SshNet;

namespace Fabric.Tests.Engine.Transport;

public sealed class SshNetInternalsTests
{
    [Fact]
    public void Every_internal_member_the_transport_uses_exists_in_the_referenced_SSH_NET()
    {
        var missing = SshNetInternals.MissingIn(typeof(Renci.SshNet.SshClient).Assembly);

        Assert.Empty(missing);
        Assert.NotNull(SshNetInternals.Get().Open);
    }

    [Fact]
    public void Against_an_assembly_without_them_every_missing_member_is_named_in_one_message()
    {
        var missing = SshNetInternals.MissingIn(typeof(object).Assembly);
        var message = SshNetInternals.MissingMessage("9.9", missing);

        Assert.Contains("Renci.SshNet.ISession", missing);
        Assert.Contains("Renci.SshNet.Channels.IChannelSession", missing);
        Assert.Contains(missing, m => m.Contains("ExecRequestInfo", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("DataReceived", StringComparison.Ordinal));
        Assert.StartsWith("This Fabric needs parts of SSH.NET that SSH.NET 9.9 does not have (", message, StringComparison.Ordinal);
        Assert.Contains("PseudoTerminalRequestInfo", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }
}
