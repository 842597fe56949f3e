using System.Text;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Library;

/// <summary>A <see cref="Connection"/> used as a library, in this process, against the test sshd: no run, no <c>dotnet fab</c>.</summary>
[Collection(SshdGroup.Name)]
public sealed class LibraryConnectionTests(SshdFixture sshd)
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task Operations_share_one_ssh_session_that_dispose_closes()
    {
        var from = LibraryHosts.LogMark(sshd);
        var loginsBefore = sshd.LoginsTo(2);
        IReadOnlyList<string> clients;
        var connection = new Connection(LibraryHosts.Host(sshd, 2), LibraryHosts.Options(sshd));
        try
        {
            Assert.False(connection.IsConnected);
            Assert.Equal(SshdFixture.OpsUser, (await connection.RunAsync("whoami")).Stdout);
            await Task.WhenAll(connection.RunAsync("sleep 0.2"), connection.RunAsync("true"), connection.SudoAsync("true"));
            Assert.True(connection.IsConnected);
            clients = LibraryHosts.ClientsSince(sshd, from, 2);
            Assert.Single(clients);
            await Task.Delay(200);
            Assert.False(LibraryHosts.Closed(sshd, clients[0]), "the session stays open until the connection is disposed");
        }
        finally
        {
            await connection.DisposeAsync();
        }

        Assert.False(connection.IsConnected);
        Assert.Empty(await LibraryHosts.OpenAfterAsync(sshd, clients));
        Assert.Equal(1, sshd.LoginsTo(2) - loginsBefore);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.RunAsync("true"));
    }

    [Fact(Timeout = Timeout)]
    public async Task Synchronous_dispose_closes_the_session_too()
    {
        var from = LibraryHosts.LogMark(sshd);
        using (var connection = new Connection(LibraryHosts.Host(sshd, 3), LibraryHosts.Options(sshd)))
        {
            connection.Run("true");
        }

        var clients = LibraryHosts.ClientsSince(sshd, from, 3);
        Assert.Single(clients);
        Assert.Empty(await LibraryHosts.OpenAfterAsync(sshd, clients));
    }

    [Fact(Timeout = Timeout)]
    public async Task Output_goes_to_the_writer_as_the_tool_prints_it_and_the_result_keeps_it()
    {
        var host = LibraryHosts.Host(sshd, 0);
        using var output = new StringWriter();
        await using (var connection = new Connection(host, LibraryHosts.Options(sshd, output)))
        {
            var result = await connection.RunAsync("echo one; echo two >&2");
            Assert.Equal("one", result.Stdout);
            Assert.Equal("two", result.Stderr);
            Assert.Equal(host, result.Host);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$"[{host}] run: echo one; echo two >&2", $"[{host}] out: one", $"[{host}] err: two", $"Disconnecting from {host}... done."], lines);
    }

    [Fact(Timeout = Timeout)]
    public async Task Quiet_connection_writes_nothing_to_the_console()
    {
        // Synchronized: tests of other collections may write to the console meanwhile.
        var token = $"quiet-{Guid.NewGuid():N}";
        var console = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(captured));
        try
        {
            await using var connection = new Connection(LibraryHosts.Host(sshd, 0), LibraryHosts.Options(sshd));
            Assert.Equal(token, (await connection.RunAsync("echo " + token)).Stdout);
        }
        finally
        {
            Console.SetOut(console);
        }

        Assert.DoesNotContain(token, captured.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_failed_command_throws_a_readable_message_and_warn_only_returns_it()
    {
        var host = LibraryHosts.Host(sshd, 1);
        await using var connection = new Connection(host, LibraryHosts.Options(sshd));

        var failure = await Assert.ThrowsAsync<CommandFailedException>(() => connection.RunAsync("echo broken >&2; exit 3"));
        Assert.Equal($"run 'echo broken >&2; exit 3' on {host} failed with exit code 3:\n    broken", failure.Message);
        Assert.Equal(3, failure.Result.ExitCode);

        var tolerated = await connection.RunAsync("exit 4", warnOnly: true);
        Assert.Equal(4, tolerated.ExitCode);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_Cd_and_ShellEnv_scopes_around_a_call_apply_but_a_Settings_host_does_not()
    {
        var host = LibraryHosts.Host(sshd, 1);
        await using var connection = new Connection(host, LibraryHosts.Options(sshd));

        CommandResult result;
        using (Api.Cd("/tmp"))
        using (Api.ShellEnv("GREETING", "hi"))
        using (Api.Settings(hostString: "elsewhere.invalid"))
        {
            result = await connection.RunAsync("echo $GREETING $(pwd)");
        }

        Assert.Equal("hi /tmp", result.Stdout);
        Assert.Equal(host, result.Host);
    }

    [Fact(Timeout = Timeout)]
    public async Task Sudo_is_given_the_password_of_the_options_and_never_shows_it()
    {
        using var output = new StringWriter();
        var options = LibraryHosts.Options(sshd, output) with { User = SshdFixture.TestUser, Password = SshdFixture.TestUserPassword };
        await using (var connection = new Connection(LibraryHosts.Host(sshd, 3), options))
        {
            Assert.Equal("root", (await connection.SudoAsync("whoami")).Stdout);
            Assert.Equal(SshdFixture.OpsUser, (await connection.SudoAsync("whoami", user: SshdFixture.OpsUser)).Stdout);
        }

        Assert.Contains($"[{LibraryHosts.Host(sshd, 3)}] out: root", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SshdFixture.TestUserPassword, output.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Through_a_gateway_dispose_closes_both_the_host_and_the_gateway_session()
    {
        var from = LibraryHosts.LogMark(sshd);
        var gateway = LibraryHosts.Host(sshd, 0);
        using var output = new StringWriter();
        await using (var connection = new Connection(LibraryHosts.Host(sshd, 1), LibraryHosts.Options(sshd, output) with { Gateway = gateway }))
        {
            Assert.Equal("through", (await connection.RunAsync("echo through")).Stdout);
        }

        var clients = LibraryHosts.ClientsSince(sshd, from, 0).Concat(LibraryHosts.ClientsSince(sshd, from, 1)).ToList();
        Assert.Equal(2, clients.Count);
        Assert.Empty(await LibraryHosts.OpenAfterAsync(sshd, clients));
        Assert.Contains($"Disconnecting from {gateway}... done.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Put_and_get_round_trip_a_file_over_the_connection()
    {
        var local = Directory.CreateTempSubdirectory("fabric-library-").FullName;
        var remote = SshdFixture.OpsFolder("fabric-library-remote-");
        try
        {
            await using var connection = new Connection(LibraryHosts.Host(sshd, 4), LibraryHosts.Options(sshd));
            var sent = await connection.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes("payload\n")), $"{remote}/a.txt", mode: "0640");
            Assert.True(sent.Succeeded);
            Assert.Single(sent.Files);
            Assert.Equal("payload", (await connection.RunAsync($"cat {remote}/a.txt")).Stdout);

            await connection.GetAsync($"{remote}/a.txt", Path.Combine(local, "b.txt"));
            Assert.Equal("payload\n", await File.ReadAllTextAsync(Path.Combine(local, "b.txt")));
        }
        finally
        {
            Directory.Delete(local, recursive: true);
            Directory.Delete(remote, recursive: true);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task An_unknown_host_key_is_refused_with_one_line_naming_the_host()
    {
        var host = LibraryHosts.Host(sshd, 0);
        var empty = sshd.Path($"kh-library-empty-{Guid.NewGuid():N}");
        File.WriteAllText(empty, "");
        await using var connection = new Connection(host, LibraryHosts.Options(sshd) with { KnownHostsFile = empty });

        var refused = await Assert.ThrowsAnyAsync<AbortException>(() => connection.OpenAsync());

        Assert.Contains(host, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Message, StringComparison.Ordinal);
        Assert.Equal("", File.ReadAllText(empty));
        Assert.False(connection.IsConnected);
    }

    [Fact]
    public void A_bad_host_string_or_option_is_an_argument_error_naming_it()
    {
        Assert.Contains("'user@'", Assert.Throws<ArgumentException>(() => new Connection("user@")).Message, StringComparison.Ordinal);
        var missing = sshd.Path("no-such-key");
        var error = Assert.Throws<ArgumentException>(() => new Connection("web1", new ConnectionOptions { KeyFiles = [missing] }));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
