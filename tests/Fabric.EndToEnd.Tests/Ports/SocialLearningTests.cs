using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of gvrooyen/SocialLearning's fabfile.py (tests/fabfiles/ports/social-learning): a master (the test user on
/// test host 0) and two servants, each an account of its own (<c>fabsl1</c>, <c>fabsl2</c> on test hosts 1 and 2) with a
/// clone of the simulation code, its logs and, on the first, a running "python".
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class SocialLearningTests
{
    private static readonly string[] Servants = ["fabsl1", "fabsl2"];
    private readonly PortedFabfile _fab;

    public SocialLearningTests(SshdFixture sshd)
    {
        _fab = new PortedFabfile(sshd, "social-learning");
        foreach (var servant in Servants)
        {
            TestAccounts.Ensure(servant, "/bin/bash", withPassword: false);
        }
    }

    private string Master => _fab.Host(0, SshdFixture.TestUser);

    private string Servant(int i) => _fab.Host(1 + i, Servants[i]);

    [Fact]
    public async Task Push_update_stops_the_simulations_clears_their_logs_and_pulls_the_code_on_every_servant()
    {
        Cluster();
        var simulation = PortedFabfile.AsRoot($"pgrep -u {Servants[0]} -x python").Trim();

        var result = await Fab("push-update");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var servant in Servants)
        {
            var home = TestAccounts.Home(servant);
            Assert.Equal("v2\n", File.ReadAllText(Path.Combine(home, "devel", "SocialLearning", "sim.py")));
            Assert.False(Directory.Exists(Path.Combine(home, ".picloud", "datalogs", "Simulation")));
        }

        Assert.Equal("", PortedFabfile.AsRoot($"ps -u {Servants[0]} -o stat=,comm= | grep -v '^Z' | grep -w python || true").Trim());
        Assert.NotEqual("", simulation);
        Assert.Contains($"[{Servant(1)}] err: python: no process found", result.StdoutLines);
        Assert.DoesNotContain("Fatal error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(result.StdoutLines, l => l.StartsWith($"[{Master}]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_load_asks_each_servant_about_its_own_login_user_in_parallel()
    {
        Cluster();

        var result = await Fab("check-load");

        Assert.True(result.ExitCode == 0, result.ToString());
        for (var i = 0; i < Servants.Length; i++)
        {
            Assert.Contains($"[{Servant(i)}] run: ps -u {Servants[i]} r -f | grep python | wc -l", result.StdoutLines);
            // A count, not 0: `grep python` (and the shell running the pipeline) can match itself while in state R on a
            // busy machine, as in the original fabfile; a clean-clone run counted 1.
            var prefix = $"[{Servant(i)}] out: ";
            Assert.Contains(result.StdoutLines, l => l.StartsWith(prefix, StringComparison.Ordinal) && l[prefix.Length..].All(char.IsAsciiDigit) && l.Length > prefix.Length);
        }
    }

    [Fact]
    public async Task Disk_usage_runs_on_the_master_and_every_servant()
    {
        var result = await Fab("disk-usage");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var host in new[] { Master, Servant(0), Servant(1) })
        {
            Assert.Contains(result.StdoutLines, l => l.StartsWith($"[{host}] out: Filesystem", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Change_passphrase_asks_on_the_terminal_on_each_machine_in_turn()
    {
        var accounts = new[] { SshdFixture.TestUser, Servants[0], Servants[1] };
        foreach (var account in accounts)
        {
            As(account, "rm -f ~/.ssh/id_sl && mkdir -p ~/.ssh && ssh-keygen -q -t ed25519 -N old-phrase -f ~/.ssh/id_sl");
        }

        using var terminal = _fab.OnTerminal(PortedFabfile.Home, Options("change-passphrase"));
        foreach (var (account, host) in accounts.Zip([Master, Servant(0), Servant(1)]))
        {
            await terminal.WaitForAsync($"[{host}] out: Enter file in which the key is", PortedFabfile.Limit);
            terminal.TypeLine($"{TestAccounts.Home(account)}/.ssh/id_sl");
            await terminal.WaitForAsync($"[{host}] out: Enter old passphrase", PortedFabfile.Limit);
            terminal.TypeLine("old-phrase");
            await terminal.WaitForAsync($"[{host}] out: Enter new passphrase", PortedFabfile.Limit);
            terminal.TypeLine("new-phrase");
            await terminal.WaitForAsync($"[{host}] out: Enter same passphrase again", PortedFabfile.Limit);
            terminal.TypeLine("new-phrase");
        }

        Assert.True(await terminal.ExitCodeAsync(PortedFabfile.Limit) == 0, terminal.Screen());
        foreach (var account in accounts)
        {
            As(account, "ssh-keygen -y -P new-phrase -f ~/.ssh/id_sl >/dev/null");
        }

        Assert.DoesNotContain("old-phrase", terminal.Screen(), StringComparison.Ordinal);
        Assert.DoesNotContain("new-phrase", terminal.Screen(), StringComparison.Ordinal);
    }

    private Task<FabResult> Fab(params string[] args) => _fab.RunAsync(PortedFabfile.Home, Options(args));

    private string[] Options(params string[] args) =>
        ["--set", $"master={Master},servants={Servant(0)};{Servant(1)}", .. args];

    private static string As(string account, string script) => SshdFixture.Exec("su", "-s", "/bin/sh", "-c", script, account);

    /// <summary>Each servant: a clone of its own origin one commit behind, simulation logs, and on the first a running "python".</summary>
    private static void Cluster()
    {
        const string commit = "git -c user.name=port -c user.email=port@localhost commit -q";
        foreach (var servant in Servants)
        {
            As(servant, $"""
                cd ~ && pkill -x python; rm -rf origin.git seed devel .picloud python &&
                git init -q --bare -b master origin.git && git init -q -b master seed && cd seed &&
                echo v1 > sim.py && git add sim.py && {commit} -m v1 && git push -q ../origin.git master &&
                mkdir -p ~/devel && git clone -q ~/origin.git ~/devel/SocialLearning &&
                echo v2 > sim.py && {commit} -am v2 && git push -q ../origin.git master &&
                mkdir -p ~/.picloud/datalogs/Simulation && echo step > ~/.picloud/datalogs/Simulation/run.log
                """);
        }

        As(Servants[0], "cp /bin/sleep ~/python && { setsid ~/python 600 >/dev/null 2>&1 & }");
    }
}
