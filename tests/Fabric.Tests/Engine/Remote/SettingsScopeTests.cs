using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Remote;

/// <summary><c>Settings(hostString:, user:, shell:, password:)</c> and <c>Env.User</c> in a task, against fake hosts.</summary>
public sealed class SettingsScopeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_host_string_scope_runs_there_names_it_in_output_and_Env_and_ends_with_the_block()
    {
        using var run = new FakeRun();

        using (Settings(hostString: "db1"))
        {
            Assert.Equal(("db1", "db1"), (Env.HostString, Env.Host));
            await RunAsync("uptime").WaitAsync(Limit);
        }

        await RunAsync("hostname").WaitAsync(Limit);

        Assert.Single(run.Hosts["db1"].Commands);
        Assert.Single(run.Web1.Commands);
        Assert.Equal(["[db1] run: uptime", "[deploy@web1] run: hostname"], run.Text);
        Assert.Equal(FakeRun.Host, Env.HostString);
    }

    [Fact]
    public async Task A_host_string_scope_flows_through_await_and_nests()
    {
        using var run = new FakeRun();

        using (Settings(hostString: "db1"))
        {
            await Task.Yield();
            using (Settings(hostString: "db2"))
            {
                await Task.Run(() => RunAsync("a")).WaitAsync(Limit);
            }

            await RunAsync("b").WaitAsync(Limit);
        }

        Assert.Equal("/bin/bash -l -c 'a'", run.Hosts["db2"].Commands.Single().Request.CommandLine);
        Assert.Single(run.Hosts["db1"].Commands);
    }

    [Fact]
    public async Task In_a_task_with_no_host_a_host_string_scope_gives_Run_a_host()
    {
        using var run = new FakeRun();
        using var hostless = Ambient.Enter(new ExecutionFrame("setup", null, "alice", 22));

        Assert.Null(Env.HostString);
        using (Settings(hostString: "db1"))
        {
            await RunAsync("uptime").WaitAsync(Limit);
        }

        Assert.Single(run.Hosts["db1"].Commands);
    }

    [Fact]
    public async Task A_user_assigned_in_the_task_logs_in_as_that_user_and_is_reported()
    {
        using var run = new FakeRun();
        using var frame = Ambient.Enter(new ExecutionFrame("deploy", HostString.Parse("web2"), "alice", 22));

        await RunAsync("before").WaitAsync(Limit);
        Env.User = "deploy";
        await RunAsync("after").WaitAsync(Limit);

        Assert.Equal("deploy", Env.User);
        Assert.Equal("deploy@web2", Env.HostString);
        Assert.Single(run.Hosts["web2"].Commands);
        Assert.Equal("deploy@web2:22", run.Hosts["deploy@web2"].Target.Key);
        Assert.Equal("deploy", run.Context.Env.User); // and the default of the runs after, as Fabric's env.user
    }

    [Fact]
    public async Task A_user_assigned_in_a_parallel_run_changes_only_that_run()
    {
        using var run = new FakeRun();
        var before = run.Context.Env.User;
        using var frame = Ambient.Enter(new ExecutionFrame("deploy", HostString.Parse("web3"), "alice", 22) { Linewise = true });

        Env.User = "deploy";
        await RunAsync("after").WaitAsync(Limit);

        Assert.Single(run.Hosts["deploy@web3"].Commands);
        Assert.Equal(before, run.Context.Env.User);
    }

    [Fact]
    public async Task A_shell_scope_replaces_Env_Shell_for_its_block()
    {
        using var run = new FakeRun();

        using (Settings(shell: "/bin/sh -c"))
        {
            Assert.Equal("/bin/sh -c", Env.Shell);
            await RunAsync("true").WaitAsync(Limit);
        }

        Assert.Equal("/bin/sh -c 'true'", run.Web1.Commands[0].Request.CommandLine);
        Assert.Equal("/bin/bash -l -c", Env.Shell);
    }

    [Fact]
    public async Task A_password_scope_is_masked_in_output_and_travels_with_the_login()
    {
        using var run = new FakeRun();

        using (Settings(hostString: "db1", password: "pw-4711"))
        {
            await RunAsync("echo pw-4711").WaitAsync(Limit);
        }

        Assert.Equal(["[db1] run: echo ****"], run.Text);
        Assert.Equal("pw-4711", run.Hosts["db1"].Target.Credentials?.Password);
    }

    [Fact]
    public void Passwords_set_in_Env_are_masked_in_output()
    {
        using var run = new FakeRun();

        Env.Password = "login-pw-1";
        Env.Passwords["deploy@db1:22"] = "db-pw-2";
        Print("login-pw-1 db-pw-2");

        Assert.Equal(["[deploy@web1] **** ****"], run.Text);
    }

    [Fact]
    public void A_bad_host_string_or_port_is_one_clear_abort()
    {
        using var run = new FakeRun();

        Assert.Equal("Invalid host string 'deploy@' in Settings(hostString:): the host after '@' is missing.", Assert.Throws<AbortException>(() => Settings(hostString: "deploy@")).Message);
        Assert.Equal("Settings: port 70000 is not a port (1 to 65535).", Assert.Throws<AbortException>(() => Settings(port: 70000)).Message);
    }

    [Fact]
    public void Settings_warnOnly_alone_still_binds_as_before()
    {
        using var run = new FakeRun();

        using (Settings(warnOnly: true))
        {
            Assert.True(Env.WarnOnly);
        }

        Assert.False(Env.WarnOnly);
    }
}
