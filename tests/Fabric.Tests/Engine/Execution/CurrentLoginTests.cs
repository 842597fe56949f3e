using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Execution;

/// <summary>Which host and login a scope maps to, and so which cached connection (its key) operations share.</summary>
public sealed class CurrentLoginTests
{
    private static readonly EnvState Env = new();

    private static ExecutionFrame Frame(string host, string defaultUser = "alice", int defaultPort = 22)
    {
        var parsed = HostString.Parse(host);
        return new ExecutionFrame("t", parsed, parsed.UserOr(defaultUser), parsed.PortOr(defaultPort));
    }

    private static ConnectionTarget Target(ExecutionFrame? frame, ScopeSettings scope, EnvState? env = null) =>
        CurrentLogin.Target(CurrentLogin.Host(frame, scope)!, frame, scope, env ?? Env);

    [Fact]
    public void Without_a_scope_the_executions_host_and_its_defaults_are_used()
    {
        var target = Target(Frame("web1"), ScopeSettings.None);

        Assert.Equal(("web1", "alice@web1:22"), (target.Display, target.Key));
    }

    [Fact]
    public void A_host_string_scope_goes_to_that_host_with_the_runs_defaults_not_the_executions_user()
    {
        var env = new EnvState { User = "bob" };
        var target = Target(Frame("root@web1"), ScopeSettings.None with { Host = HostString.Parse("db1") }, env);

        Assert.Equal(("db1", "bob@db1:22"), (target.Display, target.Key));
        Assert.True(target.UserGiven);
    }

    [Fact]
    public void The_same_host_string_scope_twice_maps_to_one_connection_key()
    {
        var frame = Frame("web1");
        var first = Target(frame, ScopeSettings.None with { Host = HostString.Parse("db1:2222") });
        var second = Target(frame, ScopeSettings.None with { Host = HostString.Parse("db1:2222") });

        Assert.Equal(first.Key, second.Key);
    }

    [Fact]
    public void A_gateway_scope_is_another_connection_and_its_empty_gateway_means_none_over_the_runs()
    {
        var resolver = new HostResolver(new SshOptions { HomeDirectory = "/nonexistent" }, () => false, () => "jump1", _ => { });
        var plain = Target(Frame("gw1"), ScopeSettings.None);
        var direct = Target(Frame("gw1"), ScopeSettings.None with { Gateway = "" });
        var other = Target(Frame("db1"), ScopeSettings.None with { Gateway = "jump2:2222" });

        Assert.NotEqual(plain.Key, direct.Key);
        Assert.Equal(["jump1"], resolver.Resolve(plain).Jumps);
        Assert.Empty(resolver.Resolve(direct).Jumps);
        Assert.Equal(["jump2:2222"], resolver.Resolve(other).Jumps);
        Assert.Equal("gw1", direct.Display);
    }

    [Fact]
    public void A_user_scope_is_another_connection_and_shows_the_user_in_the_host_string()
    {
        var target = Target(Frame("web1"), ScopeSettings.None with { User = "deploy" });

        Assert.Equal(("deploy@web1", "deploy@web1:22"), (target.Display, target.Key));
        Assert.True(target.UserGiven);
    }

    [Fact]
    public void A_user_written_in_the_host_string_beats_a_user_scope_as_in_Fabric()
    {
        var target = Target(Frame("root@web1"), ScopeSettings.None with { User = "deploy" });

        Assert.Equal(("root@web1", "root@web1:22"), (target.Display, target.Key));
    }

    [Fact]
    public void A_user_scope_equal_to_the_default_changes_nothing_shown()
    {
        var target = Target(Frame("web1"), ScopeSettings.None with { User = "alice" });

        Assert.Equal(("web1", "alice@web1:22"), (target.Display, target.Key));
    }

    [Fact]
    public void A_port_scope_writes_the_port_into_the_host_string_with_brackets_for_IPv6()
    {
        var target = Target(Frame("::1"), ScopeSettings.None with { Port = 2222 });

        Assert.Equal(("[::1]:2222", "alice@::1:2222"), (target.Display, target.Key));
    }

    [Fact]
    public void A_user_assigned_in_the_execution_applies_to_its_host_and_to_a_host_scope_without_a_user()
    {
        var frame = Frame("web1");
        frame.Login.User = "deploy";

        Assert.Equal("deploy@web1:22", Target(frame, ScopeSettings.None).Key);
        Assert.Equal("deploy@db1:22", Target(frame, ScopeSettings.None with { Host = HostString.Parse("db1") }).Key);
    }

    [Fact]
    public void A_user_scope_beats_a_user_assigned_in_the_execution()
    {
        var frame = Frame("web1");
        frame.Login.User = "deploy";

        Assert.Equal("ops@web1:22", Target(frame, ScopeSettings.None with { User = "ops" }).Key);
    }

    [Fact]
    public void Nested_host_scopes_take_the_innermost_host_and_not_the_outer_host_strings_user()
    {
        var outer = ScopeSettings.None with { Host = HostString.Parse("ops@db1") };
        var inner = outer with { Host = HostString.Parse("db2") };

        Assert.Equal("bob@db2:22", Target(Frame("web1"), inner, new EnvState { User = "bob" }).Key);
    }

    [Fact]
    public void Without_any_user_given_the_ssh_config_may_choose_the_user()
    {
        var target = Target(Frame("web1"), ScopeSettings.None);

        Assert.False(target.UserGiven);
        Assert.False(target.PortGiven);
    }

    [Fact]
    public void The_scopes_credentials_travel_with_the_target()
    {
        var credentials = new LoginCredentials("s3cret", ["/k"]);

        var target = Target(Frame("web1"), ScopeSettings.None with { Credentials = credentials });

        Assert.Same(credentials, target.Credentials);
        Assert.DoesNotContain("s3cret", target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_with_no_host_has_a_host_only_inside_a_host_scope()
    {
        var frame = new ExecutionFrame("t", null, "alice", 22);

        Assert.Null(CurrentLogin.Display(frame, ScopeSettings.None, Env));
        Assert.Equal("db1", CurrentLogin.Display(frame, ScopeSettings.None with { Host = HostString.Parse("db1") }, Env));
    }
}
