using Fabric.Engine;
using Fabric.Engine.Arguments;
using Fabric.Engine.Tasks;
using SampleTasks = Fabric.Tests.Engine.Arguments.ArgumentBinderTests.Tasks;

namespace Fabric.Tests.Engine.Arguments;

/// <summary><c>Execute(task, arguments: …)</c> binds through the same <see cref="ArgumentBinder"/> as the command line.</summary>
public class ArgumentBinderExecuteTests
{
    [Fact]
    public void Execute_binds_values_of_the_parameter_type_as_they_are_and_strings_as_on_the_command_line()
    {
        Assert.Equal(new object?[] { "release", false }, BindExecute(nameof(SampleTasks.Deploy), "release", "no"));
        Assert.Equal(new object?[] { 5, true }, BindExecute(nameof(SampleTasks.Tune), 5L, true));
        Assert.Equal(new object?[] { "main", true }, BindExecute(nameof(SampleTasks.Deploy)));
    }

    [Fact]
    public void Execute_puts_values_after_the_fixed_ones_into_a_params_array_or_takes_an_array_as_it_is()
    {
        Assert.Equal(["api", "worker", "cron"], (string[])BindExecute(nameof(SampleTasks.Restart), "web", "api", "worker;cron")[1]!);
        string[] given = ["a", "b"];
        Assert.Same(given, BindExecute(nameof(SampleTasks.Restart), "web", given)[1]);
        Assert.Equal([1, 2], (int[])BindExecute(nameof(SampleTasks.Sum), 1, "2")[0]!);
    }

    [Fact]
    public void Execute_names_a_value_of_the_wrong_type_and_the_type_wanted()
    {
        Assert.Equal(
            "Execute: Task 'scale': parameter 'replicas': 5000000000 (Int64) is not a value of type int.",
            BindExecuteError(nameof(SampleTasks.Scale), "web", 5_000_000_000L));
        Assert.Equal("Execute: Task 'scale': parameter 'replicas': null is not a value of type int.", BindExecuteError(nameof(SampleTasks.Scale), "web", null));
    }

    public static TheoryData<string, string[], object?[]> SameMistakes() => new()
    {
        { nameof(SampleTasks.Deploy), ["a", "yes", "extra"], ["a", true, "extra"] },
        { nameof(SampleTasks.Nothing), ["a"], ["a"] },
        { nameof(SampleTasks.Scale), ["web"], ["web"] },
        { nameof(SampleTasks.Scale), ["web", "many"], ["web", "many"] },
        { nameof(SampleTasks.Tune), ["x", "maybe"], ["x", "maybe"] },
        { nameof(SampleTasks.Sum), ["1", "two"], [1, "two"] },
    };

    [Theory]
    [MemberData(nameof(SameMistakes))]
    public void The_same_mistake_reads_the_same_on_the_command_line_and_from_Execute(string method, string[] commandLine, object?[] execute)
    {
        var fromCommandLine = CommandLineError(method, commandLine);
        var fromExecute = BindExecuteError(method, execute);

        Assert.StartsWith($"Task '{TaskNames.ToKebabCase(method)}': ", fromCommandLine, StringComparison.Ordinal);
        Assert.Equal("Execute: " + fromCommandLine, fromExecute);
    }

    private static object?[] BindExecute(string method, params object?[] values) =>
        ArgumentBinder.BindExecute(Definition(method), values);

    private static string BindExecuteError(string method, params object?[] values) =>
        Assert.Throws<AbortException>(() => BindExecute(method, values)).Message;

    private static string CommandLineError(string method, string[] positional) =>
        Assert.Throws<FabricUsageException>(() => ArgumentBinder.Bind(Definition(method), positional, [])).Message;

    private static TaskDefinition Definition(string method) =>
        TaskDefinition.ForMethod(TaskNames.ToKebabCase(method), typeof(SampleTasks).GetMethod(method)!);
}
