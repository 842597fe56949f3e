using Fabric.Engine;
using Fabric.Engine.Arguments;
using Fabric.Engine.Tasks;

namespace Fabric.Tests.Engine.Arguments;

public class ArgumentBinderTests
{
    public enum Mode
    {
        Fast,
        Safe,
    }

    [Fact]
    public void Positional_values_bind_in_order_and_missing_optional_ones_take_their_defaults()
    {
        var values = Bind(nameof(Tasks.Deploy), ["release"]);

        Assert.Equal(new object?[] { "release", true }, values);
    }

    [Fact]
    public void Nothing_given_binds_every_default()
    {
        var values = Bind(nameof(Tasks.Deploy));

        Assert.Equal(new object?[] { "main", true }, values);
    }

    [Fact]
    public void Named_values_bind_by_name_case_insensitively_ignoring_dashes_and_underscores()
    {
        var values = Bind(nameof(Tasks.Tune), named: [Pair("MAX-RETRIES", "5"), Pair("dry_run", "yes")]);

        Assert.Equal(new object?[] { 5, true }, values);
    }

    [Fact]
    public void Positional_and_named_values_combine()
    {
        var values = Bind(nameof(Tasks.Deploy), ["release"], [Pair("restart", "no")]);

        Assert.Equal(new object?[] { "release", false }, values);
    }

    [Fact]
    public void Each_supported_type_is_converted_for_the_method()
    {
        var values = Bind(
            nameof(Tasks.Everything),
            named:
            [
                Pair("text", "hi"), Pair("flag", "on"), Pair("count", "-3"), Pair("big", "9000000000"),
                Pair("small", "7"), Pair("tiny", "200"), Pair("positive", "4000000000"), Pair("huge", "18446744073709551615"),
                Pair("ratio", "0.5"), Pair("fraction", "1.25"), Pair("money", "19.99"), Pair("mode", "safe"),
                Pair("wait", "90s"), Pair("maybe", ""), Pair("tags", "a;b"),
            ]);

        Assert.Equal(
            new object?[]
            {
                "hi", true, -3, 9_000_000_000L, (short)7, (byte)200, 4_000_000_000u, ulong.MaxValue,
                0.5, 1.25f, 19.99m, Mode.Safe, TimeSpan.FromSeconds(90), null, new[] { "a", "b" },
            },
            values);
    }

    [Fact]
    public void The_bound_values_can_invoke_the_method()
    {
        var method = typeof(Tasks).GetMethod(nameof(Tasks.Describe))!;
        var values = ArgumentBinder.Bind(TaskDefinition.ForMethod("describe", method), ["3"], [Pair("mode", "1")]);

        Assert.Equal("3 Safe 00:00:00", method.Invoke(null, values));
    }

    [Fact]
    public void Defaults_keep_the_parameter_type_for_enums_structs_and_decimals()
    {
        var values = Bind(nameof(Tasks.Defaults));

        Assert.Equal(new object?[] { Mode.Safe, TimeSpan.Zero, 1.5m, null }, values);
    }

    [Fact]
    public void Unknown_parameter_lists_the_parameters()
    {
        var error = BindError(nameof(Tasks.Deploy), named: [Pair("color", "red")]);

        Assert.Equal("Task 'deploy': unknown parameter 'color' (parameters: branch, restart).", error);
    }

    [Fact]
    public void Unknown_parameter_close_to_a_known_one_suggests_it()
    {
        var error = BindError(nameof(Tasks.Deploy), named: [Pair("brnch", "x")]);

        Assert.Equal("Task 'deploy': unknown parameter 'brnch' (did you mean 'branch'? parameters: branch, restart).", error);
    }

    [Fact]
    public void Unknown_parameter_of_a_task_without_parameters_says_so()
    {
        var error = BindError(nameof(Tasks.Nothing), named: [Pair("x", "1")]);

        Assert.Equal("Task 'nothing': unknown parameter 'x' (the task takes no parameters).", error);
    }

    [Fact]
    public void Value_given_twice_by_name_is_an_error()
    {
        var error = BindError(nameof(Tasks.Deploy), named: [Pair("branch", "a"), Pair("Branch", "b")]);

        Assert.Equal("Task 'deploy': parameter 'branch' is given twice by name.", error);
    }

    [Fact]
    public void Value_given_by_position_and_by_name_is_an_error()
    {
        var error = BindError(nameof(Tasks.Deploy), ["a"], [Pair("branch", "b")]);

        Assert.Equal("Task 'deploy': parameter 'branch' is given twice (by position and by name).", error);
    }

    [Fact]
    public void Too_many_positional_values_is_an_error()
    {
        var error = BindError(nameof(Tasks.Deploy), ["a", "yes", "extra"]);

        Assert.Equal("Task 'deploy': too many positional values: 3 given, the task takes 2 (branch, restart).", error);
    }

    [Fact]
    public void Positional_value_for_a_task_without_parameters_is_an_error()
    {
        var error = BindError(nameof(Tasks.Nothing), ["a"]);

        Assert.Equal("Task 'nothing': too many positional values: 1 given, the task takes none.", error);
    }

    [Fact]
    public void Missing_required_parameter_is_an_error()
    {
        var error = BindError(nameof(Tasks.Scale), named: [Pair("service", "web")]);

        Assert.Equal("Task 'scale': missing required parameter 'replicas' (int).", error);
    }

    [Fact]
    public void Bad_conversion_is_an_error_naming_the_parameter()
    {
        var error = BindError(nameof(Tasks.Scale), ["web", "many"]);

        Assert.Equal("Task 'scale': parameter 'replicas': 'many' is not a whole number.", error);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_message()
    {
        var error = BindError(nameof(Tasks.Tune), ["x", "maybe", "3"], [Pair("retires", "1")]);

        Assert.Equal(
            "Task 'tune': parameter 'maxRetries': 'x' is not a whole number; "
            + "parameter 'dryRun': 'maybe' is not a yes/no value (true/false, yes/no, y/n, 1/0, on/off); "
            + "too many positional values: 3 given, the task takes 2 (maxRetries, dryRun); "
            + "unknown parameter 'retires' (parameters: maxRetries, dryRun).",
            error);
    }

    [Fact]
    public void Python_style_values_after_the_fixed_ones_go_into_a_params_array()
    {
        var values = Bind(nameof(Tasks.Restart), ["web", "api", "worker;cron"]);

        Assert.Equal("web", values[0]);
        Assert.Equal(["api", "worker", "cron"], (string[])values[1]!);
    }

    [Fact]
    public void A_params_array_given_nothing_is_empty_and_by_name_takes_a_semicolon_list()
    {
        Assert.Empty((string[])Bind(nameof(Tasks.Restart), ["web"])[1]!);
        Assert.Equal(["a", "b"], (string[])Bind(nameof(Tasks.Restart), ["web"], [Pair("services", "a;b")])[1]!);
    }

    [Fact]
    public void Each_value_of_a_params_array_is_converted_to_its_element_type()
    {
        Assert.Equal([1, 2, 3], (int[])Bind(nameof(Tasks.Sum), ["1", "2", "3"])[0]!);
        Assert.Equal("Task 'sum': parameter 'numbers': 'two' is not a whole number.", BindError(nameof(Tasks.Sum), ["1", "two"]));
    }

    [Fact]
    public void A_required_parameter_named_like_a_host_argument_says_why_it_cannot_be_passed_by_name()
    {
        var error = BindError(nameof(Tasks.Grant), named: []);

        Assert.Equal(
            "Task 'grant': missing required parameter 'roles' (string): 'roles=…' on the command line chooses the hosts the task runs on "
            + "(host, hosts, role, roles and exclude_hosts do, as in Fabric), so it cannot be passed by name; pass it by position or rename the parameter.",
            error);
        Assert.Equal(["admin"], Bind(nameof(Tasks.Grant), ["admin"]));
    }

    private static object?[] Bind(string method, IReadOnlyList<string>? positional = null, IReadOnlyList<KeyValuePair<string, string>>? named = null) =>
        ArgumentBinder.Bind(Definition(method), positional ?? [], named ?? []);

    private static string BindError(string method, IReadOnlyList<string>? positional = null, IReadOnlyList<KeyValuePair<string, string>>? named = null) =>
        Assert.Throws<FabricUsageException>(() => Bind(method, positional, named)).Message;

    private static TaskDefinition Definition(string method) =>
        TaskDefinition.ForMethod(TaskNames.ToKebabCase(method), typeof(Tasks).GetMethod(method)!);

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    public static class Tasks
    {
        public static void Deploy(string branch = "main", bool restart = true)
        {
        }

        public static void Tune(int maxRetries = 3, bool dryRun = false)
        {
        }

        public static void Scale(string service, int replicas)
        {
        }

        public static void Nothing()
        {
        }

        public static void Restart(string first, params string[] services)
        {
        }

        public static void Sum(params int[] numbers)
        {
        }

        public static void Grant(string roles)
        {
        }

        public static string Describe(int count, Mode mode = Mode.Fast, TimeSpan wait = default) =>
            FormattableString.Invariant($"{count} {mode} {wait}");

        public static void Defaults(Mode mode = Mode.Safe, TimeSpan wait = default, decimal money = 1.5m, int? limit = null)
        {
        }

        public static void Everything(
            string text,
            bool flag,
            int count,
            long big,
            short small,
            byte tiny,
            uint positive,
            ulong huge,
            double ratio,
            float fraction,
            decimal money,
            Mode mode,
            TimeSpan wait,
            int? maybe,
            string[] tags)
        {
        }
    }
}
