using Fabric.Engine.Transport.SshNet;

namespace Fabric.Tests.Engine.Transport;

public sealed class SshNetInternalsTests
{
    /// <summary>
    /// The SSH.NET the internals were last checked against (by this test and the transport's end-to-end tests). An
    /// upgrade fails here first, as a reminder: 2026.0.1 dropped ClientChannel's OpenConfirmed/OpenFailed events, which the
    /// transport does not bind, and left every member it binds as it was.
    /// </summary>
    [Fact]
    public void The_referenced_SSH_NET_is_the_version_the_internals_were_checked_against()
    {
        Assert.Equal("2026.0.1", typeof(Renci.SshNet.SshClient).Assembly.GetName().Version?.ToString(3));
        Assert.Equal("2026.0.1", SshNetVersion.Text);
    }

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
