using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Tests.Engine.Execution;

/// <summary>
/// <c>Env</c>'s run-wide collections are shared by every execution of a <c>[Parallel]</c> task, and output lines are masked
/// on the threads that read command output: one execution changing them while others read must neither throw nor lose a change.
/// </summary>
public sealed class EnvUnderParallelRunsTests
{
    private const int Executions = 4;
    private const int Steps = 500;

    [Fact(Timeout = 60_000)]
    public async Task Secrets_added_while_other_executions_write_output_never_throw_and_are_all_masked()
    {
        var output = new CollectingOutputSink();
        var context = new RunContext(output);
        var latest = new string?[Executions];

        // Each execution adds a secret, then writes a line holding the newest secret of every execution (all added already).
        await AllAtOnce(e =>
        {
            for (var i = 0; i < Steps; i++)
            {
                var secret = $"secret-{e}-{i}-end";
                context.Env.Secrets.Add(secret);
                Volatile.Write(ref latest[e], secret);
                var known = string.Join(' ', Enumerable.Range(0, Executions).Select(x => Volatile.Read(ref latest[x])).OfType<string>());
                OutputGroups.Write(context, ScopeSettings.None, new OutputEvent(OutputKind.Stdout, $"host{e}", $"line {i}: {known}"));
            }
        });
        var all = Enumerable.Range(0, Executions).SelectMany(e => Enumerable.Range(0, Steps).Select(i => $"secret-{e}-{i}-end")).ToList();
        OutputGroups.Write(context, ScopeSettings.None, new OutputEvent(OutputKind.Stdout, "last", string.Join(' ', all)));

        Assert.Equal(all.Order(StringComparer.Ordinal), context.Env.Secrets.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(output.Lines, l => l.Text.Contains("secret-", StringComparison.Ordinal));
        Assert.Equal(string.Join(' ', Enumerable.Repeat(SecretMask.Mask, all.Count)), output.Lines[^1].Text);
    }

    [Fact(Timeout = 60_000)]
    public async Task Hosts_roles_exclusions_and_values_changed_by_several_executions_at_once_keep_every_change()
    {
        var env = new RunContext(new CollectingOutputSink()).Env;

        // Each execution extends the lists and reads them back whole, as a task planning the next one does.
        await AllAtOnce(e =>
        {
            for (var i = 0; i < Steps * 4; i++)
            {
                env.Hosts.Add($"web{e}-{i}");
                env.Roles.AddRange([$"role{e}-{i}"]);
                env.ExcludeHosts.Insert(0, $"bad{e}-{i}");
                env.Values[$"key{e}-{i}"] = "v";
                Assert.Contains($"web{e}-{i}", env.Hosts.ToList());
                Assert.True(env.Roles.Concat(env.ExcludeHosts).Count() >= 2 * (i + 1));
            }
        });

        Assert.Equal(Executions * Steps * 4, env.Hosts.Distinct().Count());
        Assert.Equal(Executions * Steps * 4, env.Roles.Distinct().Count());
        Assert.Equal(Executions * Steps * 4, env.ExcludeHosts.Distinct().Count());
        Assert.Equal(Executions * Steps * 4, env.Values.Count);
    }

    /// <summary>Runs <paramref name="execution"/> on <see cref="Executions"/> threads of their own, started together.</summary>
    private static Task AllAtOnce(Action<int> execution)
    {
        var start = new Barrier(Executions);
        var all = Enumerable.Range(0, Executions).Select(e => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                execution(e);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        return Task.WhenAll(all).ContinueWith(t => { start.Dispose(); return t; }, TaskScheduler.Default).Unwrap();
    }
}
