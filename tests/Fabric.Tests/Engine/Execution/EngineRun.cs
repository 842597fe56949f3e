using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;
using Fabric.Tool;
using Fabric.Tool.Console;

namespace Fabric.Tests.Engine.Execution;

/// <summary>
/// Runs tasks of test classes through the real planner and runner, collecting the output. The ssh config is off, so
/// reading <c>Env.User</c> in a task never reads the running user's <c>~/.ssh/config</c>.
/// </summary>
internal static class EngineRun
{
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(
        Type[] types, string[] tokens, Action<EnvState>? configure = null)
    {
        var output = new CollectingOutputSink();
        var table = TaskDiscovery.Discover(types);
        var context = new RunContext(output) { Tasks = table };
        context.Env.UseSshConfig = false;
        configure?.Invoke(context.Env);
        var plan = RunPlanner.Plan(table, tokens);
        var exitCode = await RunAsync(context, plan);
        return (exitCode, output.Text);
    }

    /// <summary>Runs as <see cref="RunAsync"/> does, writing formatted lines to <paramref name="writer"/> as the tool's console does.</summary>
    public static async Task<int> RunToWriterAsync(Type[] types, string[] tokens, TextWriter writer, Action<EnvState>? configure = null)
    {
        var table = TaskDiscovery.Discover(types);
        var context = new RunContext(new TextWriterOutputSink(writer)) { Tasks = table };
        context.Env.UseSshConfig = false;
        configure?.Invoke(context.Env);
        return await RunAsync(context, RunPlanner.Plan(table, tokens));
    }

    /// <summary>Runs <paramref name="plan"/> as the tool does: its closing line (<c>Done.</c>, <c>Aborting.</c>) to the output, its outcome as an exit code.</summary>
    public static async Task<int> RunAsync(RunContext context, IReadOnlyList<PlannedTask> plan) =>
        ExitCodes.Of(await new Runner(context).RunAsync(plan, ended => OutputGroups.Write(context, ScopeSettings.None, RunEndingLine.Of(ended))));
}
