using Fabric.Engine.Execution;

namespace Fabric.Tool.Console;

/// <summary>
/// The live line of a parallel run, <c>[ deploy: 12/50 done, 1 failed, 8 running ]</c>, kept at the bottom of the
/// terminal by a <see cref="TerminalStatusLine"/>. When parallel tasks nest (<c>Execute</c> from a parallel task), the
/// one that began first is shown. The line is erased when the last of them ends.
/// </summary>
internal sealed class ParallelProgressLine(TerminalStatusLine terminal) : IRunProgress
{
    private readonly Lock _gate = new();
    private readonly List<Hosts> _active = [];

    public IHostsProgress Begin(string task, int hostCount)
    {
        var hosts = new Hosts(this, task, hostCount);
        lock (_gate)
        {
            _active.Add(hosts);
        }

        Changed();
        return hosts;
    }

    /// <summary>The status text for a task's hosts.</summary>
    public static string Text(string task, int total, int done, int failed, int skipped, int running) =>
        $"[ {task}: {done}/{total} done, {failed} failed{(skipped > 0 ? $", {skipped} skipped" : "")}, {running} running ]";

    private void Changed()
    {
        string? text;
        lock (_gate)
        {
            text = _active.Count == 0 ? null : _active[0].Text();
        }

        terminal.SetStatus(text);
    }

    private void Ended(Hosts hosts)
    {
        lock (_gate)
        {
            _active.Remove(hosts);
        }

        Changed();
    }

    /// <summary>One parallel task's counts.</summary>
    private sealed class Hosts(ParallelProgressLine owner, string task, int total) : IHostsProgress
    {
        private int _started;
        private int _done;
        private int _failed;
        private int _skipped;
        private int _disposed;

        public void Started()
        {
            Interlocked.Increment(ref _started);
            owner.Changed();
        }

        public void Ended(RunStatus status)
        {
            if (status == RunStatus.Failed)
            {
                Interlocked.Increment(ref _failed);
            }
            else if (status == RunStatus.Skipped)
            {
                Interlocked.Increment(ref _skipped);
            }

            Interlocked.Increment(ref _done);
            owner.Changed();
        }

        public string Text()
        {
            var done = Volatile.Read(ref _done);
            return ParallelProgressLine.Text(task, total, done, Volatile.Read(ref _failed), Volatile.Read(ref _skipped), Volatile.Read(ref _started) - done);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Ended(this);
            }
        }
    }
}
