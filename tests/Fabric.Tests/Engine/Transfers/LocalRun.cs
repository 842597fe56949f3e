using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transport;

namespace Fabric.Tests.Engine.Transfers;

/// <summary>A run whose one host is a <see cref="LocalHost"/>, current for the test's async flow, with a local folder of its own.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class LocalRun : IRemoteHosts, IDisposable
{
    private readonly IDisposable _context;
    private readonly IDisposable _frame;

    public LocalRun(LocalHost host)
    {
        Host = host;
        Local = Directory.CreateTempSubdirectory("fabric-local-").FullName;
        Context = new RunContext(Sink) { RemoteHosts = this };
        _context = Ambient.Enter(Context);
        _frame = Ambient.Enter(new ExecutionFrame("deploy", HostString.Parse("deploy@web1"), "deploy", 22));
    }

    public LocalHost Host { get; }

    public string Local { get; }

    public CollectingOutputSink Sink { get; } = new();

    public RunContext Context { get; }

    public List<string> DebugLines { get; } = [];

    public int Evictions { get; private set; }

    public string LocalFile(string name, string content)
    {
        var path = Path.Combine(Local, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>What the "server" holds under its home, as relative paths (files only).</summary>
    public string[] RemoteFiles() =>
        [.. Directory.EnumerateFiles(Host.Home, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Host.Home, f)).Order(StringComparer.Ordinal)];

    public Task<IRemoteHost> GetAsync(ConnectionTarget target, CancellationToken cancellationToken) => Task.FromResult<IRemoteHost>(Host);

    public void Evict(IRemoteHost host) => Evictions++;

    public void Debug(ConnectionTarget target, string message)
    {
        lock (DebugLines)
        {
            DebugLines.Add(message);
        }
    }

    public void Dispose()
    {
        _frame.Dispose();
        _context.Dispose();
        Directory.Delete(Local, recursive: true);
        Host.Dispose();
    }
}
