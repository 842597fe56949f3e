using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Tasks;

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
        var exitCode = await new Runner(context).RunAsync(plan);
        return (exitCode, output.Text);
    }

    /// <summary>Runs as <see cref="RunAsync"/> does, writing formatted lines to <paramref name="writer"/> as the tool's console does.</summary>
    public static async Task<int> RunToWriterAsync(Type[] types, string[] tokens, TextWriter writer, Action<EnvState>? configure = null)
    {
        var table = TaskDiscovery.Discover(types);
        var context = new RunContext(new TextWriterOutputSink(writer)) { Tasks = table };
        context.Env.UseSshConfig = false;
        configure?.Invoke(context.Env);
        return await new Runner(context).RunAsync(RunPlanner.Plan(table, tokens));
    }
}
