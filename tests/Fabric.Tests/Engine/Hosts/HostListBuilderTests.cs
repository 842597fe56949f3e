using Fabric.Engine;
using Fabric.Engine.Arguments;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;

namespace Fabric.Tests.Engine.Hosts;

public class HostListBuilderTests
{
    // --- The 0.9.3 document, "How host lists are constructed" ---

    [Fact]
    public void Env_hosts_set_at_module_level_run_the_task_on_each_host_in_order()
    {
        // env.hosts = ['host1', 'host2']; fab mytask
        var env = new EnvState { Hosts = ["host1", "host2"] };

        var list = Build(env: EnvSelection(env));

        Assert.Equal(HostListSource.Env, list.Source);
        Assert.Equal(["host1", "host2"], Names(list));
    }

    [Fact]
    public void A_task_that_sets_env_hosts_is_local_and_changes_the_hosts_of_the_tasks_after_it()
    {
        // fab set_hosts mytask, where set_hosts does env.hosts = ['host1', 'host2']
        var env = new EnvState();

        var setHosts = Build(env: EnvSelection(env));
        env.Hosts = ["host1", "host2"];
        var myTask = Build(env: EnvSelection(env));

        Assert.True(setHosts.IsLocalOnly);
        Assert.Empty(setHosts.Hosts);
        Assert.Equal(["host1", "host2"], Names(myTask));
    }

    [Fact]
    public void Env_roles_are_looked_up_in_role_definitions()
    {
        var roles = new RoleDefinitions { { "web", ["www1", "www2"] } };
        var env = new EnvState { Roles = ["web"] };

        var list = Build(env: EnvSelection(env), roles: roles);

        Assert.Equal(HostListSource.Env, list.Source);
        Assert.Equal(["www1", "www2"], Names(list));
    }

    [Fact]
    public void Hosts_option_is_equivalent_to_assigning_env_hosts()
    {
        // fab -H host1,host2 mytask  ==  env.hosts = ['host1', 'host2']
        var fromOption = new EnvState { Hosts = [.. "host1,host2".Split(',')] };
        var fromCode = new EnvState();
        fromCode.Hosts = ["host1", "host2"];

        Assert.Equal(Names(Build(env: EnvSelection(fromCode))), Names(Build(env: EnvSelection(fromOption))));
        Assert.Equal(["host1", "host2"], Names(Build(env: EnvSelection(fromOption))));
    }

    [Fact]
    public void Hosts_option_with_one_host_is_a_single_item_list()
    {
        var env = new EnvState { Hosts = [.. "host1".Split(',')] };

        Assert.Equal(["host1"], Names(Build(env: EnvSelection(env))));
    }

    [Fact]
    public void Fabfile_assigning_env_hosts_replaces_the_hosts_option()
    {
        var env = new EnvState { Hosts = ["host1", "host2"] };   // -H host1,host2
        env.Hosts = ["host3"];                                  // setup: env.hosts = ['host3']

        Assert.Equal(["host3"], Names(Build(env: EnvSelection(env))));
    }

    [Fact]
    public void Fabfile_extending_env_hosts_keeps_the_hosts_option_first()
    {
        var env = new EnvState { Hosts = ["host1", "host2"] };   // -H host1,host2
        env.Hosts.AddRange(["host3", "host4"]);                 // setup: env.hosts.extend(['host3', 'host4'])

        Assert.Equal(["host1", "host2", "host3", "host4"], Names(Build(env: EnvSelection(env))));
    }

    [Fact]
    public void Per_task_command_line_hosts_run_the_task_on_just_those_hosts()
    {
        // fab mytask:hosts="host1;host2", with no other host information
        var invocation = TaskInvocationParser.Parse("mytask:hosts=host1;host2");
        var arguments = TaskHostArguments.Extract(invocation.Named);

        var list = Build(commandLine: arguments.Selection);

        Assert.Equal(HostListSource.CommandLine, list.Source);
        Assert.Equal(["host1", "host2"], Names(list));
        Assert.Empty(arguments.Remaining);
    }

    [Fact]
    public void Decorator_hosts_override_env_hosts_and_the_hosts_option_without_changing_env()
    {
        // @hosts('host1', 'host2'), run with -H other1,other2
        var env = new EnvState { Hosts = ["other1", "other2"] };

        var list = Build(attribute: Hosts("host1", "host2"), env: EnvSelection(env));

        Assert.Equal(HostListSource.Attribute, list.Source);
        Assert.Equal(["host1", "host2"], Names(list));
        Assert.Equal(["other1", "other2"], env.Hosts);
    }

    [Fact]
    public void Per_task_command_line_hosts_override_decorator_hosts()
    {
        var list = Build(commandLine: Hosts("host3"), attribute: Hosts("host1", "host2"));

        Assert.Equal(HostListSource.CommandLine, list.Source);
        Assert.Equal(["host3"], Names(list));
    }

    // --- "Order of precedence" ---

    [Fact]
    public void Per_task_command_line_hosts_override_absolutely_everything_else()
    {
        // fab mytask:host=host1, with decorator hosts and roles, env hosts and env roles all set
        var roles = new RoleDefinitions { { "web", ["www1"] }, { "db", ["db1"] } };
        var commandLine = TaskHostArguments.Extract(TaskInvocationParser.Parse("mytask:host=host1").Named).Selection;

        var list = Build(
            commandLine: commandLine,
            attribute: new HostSelection(["deco1"], ["web"]),
            env: new HostSelection(["env1"], ["db"]),
            roles: roles);

        Assert.Equal(HostListSource.CommandLine, list.Source);
        Assert.Equal(["host1"], Names(list));
    }

    [Fact]
    public void Decorator_hosts_override_the_env_variables()
    {
        var list = Build(attribute: Hosts("host1"), env: Hosts("env1", "env2"));

        Assert.Equal(HostListSource.Attribute, list.Source);
        Assert.Equal(["host1"], Names(list));
    }

    [Fact]
    public void Env_hosts_set_in_the_fabfile_override_hosts_set_on_the_command_line()
    {
        var env = new EnvState { Hosts = ["cli1"] };   // --hosts=cli1
        env.Hosts = ["host1"];                          // env.hosts = ['host1'] in the fabfile

        Assert.Equal(["host1"], Names(Build(env: EnvSelection(env))));
    }

    [Fact]
    public void Hosts_option_only_initialises_env_and_so_loses_to_a_decorator()
    {
        var env = new EnvState { Hosts = ["host1"] };   // --hosts=host1

        var undecorated = Build(env: EnvSelection(env));
        var decorated = Build(attribute: Hosts("deco1"), env: EnvSelection(env));

        Assert.Equal(["host1"], Names(undecorated));
        Assert.Equal(["deco1"], Names(decorated));
    }

    // --- "Combining host lists" ---

    [Fact]
    public void Sources_are_never_unioned_so_a_decorator_subset_of_env_hosts_skips_the_rest()
    {
        // env.hosts = ['host1', 'host2', 'host3']; @hosts('host2', 'host3')
        var list = Build(attribute: Hosts("host2", "host3"), env: Hosts("host1", "host2", "host3"));

        Assert.Equal(["host2", "host3"], Names(list));
    }

    [Fact]
    public void Hosts_and_roles_of_one_source_are_merged_in_order()
    {
        // env.roledefs = {'role1': ['b', 'c']}; @hosts('a', 'b') @roles('role1')
        var roles = new RoleDefinitions { { "role1", ["b", "c"] } };

        var list = Build(attribute: new HostSelection(["a", "b"], ["role1"]), roles: roles);

        Assert.Equal(HostListSource.Attribute, list.Source);
        Assert.Equal(["a", "b", "c"], Names(list));
    }

    // --- Precedence, level by level ---

    [Fact]
    public void Command_line_roles_alone_beat_decorator_hosts()
    {
        var roles = new RoleDefinitions { { "web", ["www1"] } };

        var list = Build(commandLine: Roles("web"), attribute: Hosts("deco1"), roles: roles);

        Assert.Equal(HostListSource.CommandLine, list.Source);
        Assert.Equal(["www1"], Names(list));
    }

    [Fact]
    public void Decorator_roles_alone_beat_env_hosts()
    {
        var roles = new RoleDefinitions { { "web", ["www1"] } };

        var list = Build(attribute: Roles("web"), env: Hosts("env1"), roles: roles);

        Assert.Equal(HostListSource.Attribute, list.Source);
        Assert.Equal(["www1"], Names(list));
    }

    [Fact]
    public void Env_roles_alone_make_env_the_source()
    {
        var roles = new RoleDefinitions { { "web", ["www1"] } };

        var list = Build(env: Roles("web"), roles: roles);

        Assert.Equal(HostListSource.Env, list.Source);
        Assert.Equal(["www1"], Names(list));
    }

    [Fact]
    public void Empty_sources_fall_through_to_the_next()
    {
        var list = Build(commandLine: HostSelection.Empty, attribute: HostSelection.Empty, env: Hosts("env1"));

        Assert.Equal(HostListSource.Env, list.Source);
        Assert.Equal(["env1"], Names(list));
    }

    [Fact]
    public void Nothing_named_anywhere_is_local_only_with_empty_lists()
    {
        var list = Build(roles: new RoleDefinitions { { "web", ["www1"] } });

        Assert.Equal(HostListSource.None, list.Source);
        Assert.True(list.IsLocalOnly);
        Assert.False(list.IsAllExcluded);
        Assert.Empty(list.Hosts);
        Assert.Empty(list.Excluded);
    }

    // --- Roles ---

    [Fact]
    public void Lazy_role_functions_are_called_only_for_roles_of_the_chosen_source()
    {
        var calls = new Dictionary<string, int> { ["cli"] = 0, ["deco"] = 0, ["env"] = 0, ["unused"] = 0 };
        var roles = new RoleDefinitions();
        foreach (var name in calls.Keys.ToList())
        {
            roles.Add(name, () =>
            {
                calls[name]++;
                return [name + "1"];
            });
        }

        var list = Build(commandLine: Roles("cli"), attribute: Roles("deco"), env: Roles("env"), roles: roles);

        Assert.Equal(["cli1"], Names(list));
        Assert.Equal(new Dictionary<string, int> { ["cli"] = 1, ["deco"] = 0, ["env"] = 0, ["unused"] = 0 }, calls);
    }

    [Fact]
    public void Lazy_role_function_is_called_again_for_each_host_list_built()
    {
        var calls = 0;
        var roles = new RoleDefinitions();
        roles.Add("web", () => [$"www{++calls}"]);

        var first = Build(env: Roles("web"), roles: roles);
        var second = Build(env: Roles("web"), roles: roles);

        Assert.Equal(["www1"], Names(first));
        Assert.Equal(["www2"], Names(second));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_role_named_twice_is_resolved_once()
    {
        var calls = 0;
        var roles = new RoleDefinitions();
        roles.Add("web", () =>
        {
            calls++;
            return ["www1"];
        });

        var list = Build(attribute: Roles("web", " web "), roles: roles);

        Assert.Equal(["www1"], Names(list));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Unknown_role_of_the_chosen_source_is_an_error_naming_it_and_the_defined_roles()
    {
        var roles = new RoleDefinitions { { "web", ["www1"] } };

        var error = Assert.Throws<UnknownRoleException>(() => Build(attribute: Roles("wbe"), roles: roles));

        Assert.Equal("wbe", error.Role);
        Assert.Equal("Role 'wbe' is not defined. Defined roles: web.", error.Message);
    }

    [Fact]
    public void Unknown_role_with_no_role_definitions_says_they_are_empty()
    {
        var error = Assert.Throws<UnknownRoleException>(() => Build(env: Roles("web")));

        Assert.Equal("Role 'web' is not defined: Env.RoleDefs is empty.", error.Message);
    }

    [Fact]
    public void Unknown_role_of_a_source_that_is_not_chosen_is_ignored()
    {
        var list = Build(commandLine: Hosts("host1"), attribute: Roles("nowhere"), env: Roles("nowhere"));

        Assert.Equal(["host1"], Names(list));
    }

    // --- Trimming, duplicates, invalid entries ---

    [Fact]
    public void Hosts_are_trimmed_and_duplicates_dropped_keeping_the_first()
    {
        var roles = new RoleDefinitions { { "web", [" b ", "c", "a"] } };

        var list = Build(env: new HostSelection([" a", "b", "a ", "deploy@a"], ["web"]), roles: roles);

        Assert.Equal(["a", "b", "deploy@a", "c"], Names(list));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_host_entry_in_a_list_is_an_error(string entry)
    {
        var error = Assert.Throws<FabricUsageException>(() => Build(env: Hosts("a", entry, "b")));

        Assert.Equal("Invalid host string '' in Env.Hosts: it is empty.", error.Message);
    }

    [Fact]
    public void Empty_host_entry_in_a_role_is_an_error_naming_the_role()
    {
        var roles = new RoleDefinitions { { "web", ["www1", " "] } };

        var error = Assert.Throws<FabricUsageException>(() => Build(attribute: Roles("web"), roles: roles));

        Assert.Equal("Invalid host string '' in role 'web': it is empty.", error.Message);
    }

    [Fact]
    public void Empty_role_name_is_an_error()
    {
        var error = Assert.Throws<FabricUsageException>(() => Build(attribute: Roles("")));

        Assert.Equal("Empty role name in the task's [Roles]: each entry must name one.", error.Message);
    }

    [Fact]
    public void Invalid_host_string_of_the_chosen_source_is_an_error()
    {
        var error = Assert.Throws<FabricUsageException>(() => Build(attribute: Hosts("web1:abc")));

        Assert.Equal("Invalid host string 'web1:abc' in the task's [Hosts]: the port must be a number from 1 to 65535.", error.Message);
    }

    [Fact]
    public void Hosts_keep_their_parsed_parts()
    {
        var list = Build(env: Hosts("deploy@web1:2222", "[::1]:22"));

        Assert.Equal(
            [new HostString("deploy@web1:2222", "deploy", "web1", 2222), new HostString("[::1]:22", null, "::1", 22)],
            list.Hosts);
    }

    // --- Exclusions ---

    public static TheoryData<string> Sources => new() { "commandLine", "attribute", "env" };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Global_exclusion_removes_hosts_from_every_source(string source)
    {
        var selection = Hosts("web1", "web2", "web3");
        var list = source switch
        {
            "commandLine" => Build(commandLine: selection, globalExcludes: ["web2"]),
            "attribute" => Build(attribute: selection, globalExcludes: ["web2"]),
            _ => Build(env: selection, globalExcludes: ["web2"]),
        };

        Assert.Equal(["web1", "web3"], Names(list));
        Assert.Equal(["web2"], list.Excluded.Select(host => host.Original));
    }

    [Fact]
    public void Global_exclusion_removes_hosts_that_came_from_a_role()
    {
        var roles = new RoleDefinitions { { "web", ["www1", "www2"] } };

        var list = Build(attribute: Roles("web"), globalExcludes: ["www1"], roles: roles);

        Assert.Equal(["www2"], Names(list));
    }

    [Fact]
    public void Task_exclusion_removes_hosts_from_that_task()
    {
        var arguments = TaskHostArguments.Extract(TaskInvocationParser.Parse("deploy:exclude_hosts=web1;web3").Named);

        var list = Build(
            attribute: Hosts("web1", "web2", "web3", "web4"),
            taskExcludes: arguments.Excludes);

        Assert.Equal(["web2", "web4"], Names(list));
        Assert.Equal(["web1", "web3"], list.Excluded.Select(host => host.Original));
    }

    [Fact]
    public void Global_and_task_exclusions_both_apply()
    {
        var list = Build(env: Hosts("a", "b", "c"), globalExcludes: ["a"], taskExcludes: ["c"]);

        Assert.Equal(["b"], Names(list));
        Assert.Equal(["a", "c"], list.Excluded.Select(host => host.Original));
    }

    [Fact]
    public void All_hosts_excluded_is_all_excluded_not_local_only()
    {
        var list = Build(env: Hosts("web1", "web2"), globalExcludes: ["web1", "web2"]);

        Assert.True(list.IsAllExcluded);
        Assert.False(list.IsLocalOnly);
        Assert.Equal(HostListSource.Env, list.Source);
        Assert.Empty(list.Hosts);
        Assert.Equal(["web1", "web2"], list.Excluded.Select(host => host.Original));
    }

    [Fact]
    public void Exclusion_by_bare_host_covers_every_user_and_port_of_it()
    {
        var list = Build(env: Hosts("deploy@web1:2222", "root@web1", "web2"), globalExcludes: ["web1"]);

        Assert.Equal(["web2"], Names(list));
    }

    [Fact]
    public void Exclusion_naming_a_user_does_not_cover_another_user_of_the_host()
    {
        var list = Build(env: Hosts("deploy@web1", "root@web1"), globalExcludes: ["root@web1"]);

        Assert.Equal(["deploy@web1"], Names(list));
        Assert.Equal(["root@web1"], list.Excluded.Select(host => host.Original));
    }

    [Fact]
    public void Exclusion_of_a_host_not_in_the_list_changes_nothing()
    {
        var list = Build(env: Hosts("web1"), globalExcludes: ["web9"]);

        Assert.Equal(["web1"], Names(list));
        Assert.Empty(list.Excluded);
        Assert.False(list.IsAllExcluded);
    }

    [Fact]
    public void Invalid_exclusion_is_an_error_even_for_a_local_only_task()
    {
        var error = Assert.Throws<FabricUsageException>(() => Build(globalExcludes: ["web1:0"]));

        Assert.Equal("Invalid host string 'web1:0' in the excluded hosts (Env.ExcludeHosts): the port must be a number from 1 to 65535.", error.Message);
    }

    [Fact]
    public void Empty_exclusion_is_an_error()
    {
        var error = Assert.Throws<FabricUsageException>(() => Build(env: Hosts("web1"), taskExcludes: [" "]));

        Assert.Equal("Invalid host string '' in the task's exclude_hosts argument: it is empty.", error.Message);
    }

    private static HostList Build(
        HostSelection? commandLine = null,
        HostSelection? attribute = null,
        HostSelection? env = null,
        IReadOnlyList<string>? globalExcludes = null,
        IReadOnlyList<string>? taskExcludes = null,
        RoleDefinitions? roles = null) =>
        HostListBuilder.Build(
            new HostListInputs(
                commandLine ?? HostSelection.Empty,
                attribute ?? HostSelection.Empty,
                env ?? HostSelection.Empty,
                globalExcludes ?? [],
                taskExcludes ?? []),
            roles ?? new RoleDefinitions());

    private static HostSelection Hosts(params string[] hosts) => new(hosts, []);

    private static HostSelection Roles(params string[] roles) => new([], roles);

    private static HostSelection EnvSelection(EnvState env) => new(env.Hosts, env.Roles);

    private static string[] Names(HostList list) => [.. list.Hosts.Select(host => host.Original)];
}
