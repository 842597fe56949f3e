using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;
using Fabric.Tool.Console;

// Usage: Fabric.OutputBench LINES [LOG_FILE|-] [SECRET,SECRET...|-] [capture]
// Writes LINES lines of 76 characters (what base64 prints), as one host's stdout arriving in chunks of 32 KiB as the
// transport hands them on, through the line splitter and OutputGroups into the tool's own sink: this process's console
// (buffered as the tool's is) and, when given, a text log file; with the given secrets in Env.Secrets (none of them in
// the lines); with "capture", the lines kept as Run keeps them. Prints the cost per line on stderr: time, CPU, bytes
// allocated.
if (args.Length < 1 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var count))
{
    await Console.Error.WriteLineAsync("usage: Fabric.OutputBench LINES [LOG_FILE|-] [SECRET,SECRET...|-] [capture]");
    return 2;
}

var logFile = args.Length > 1 && args[1] != "-" ? args[1] : null;
using var terminal = TerminalStatusLine.ForThisConsole();
using var output = new ConsoleRenderer(terminal, LogFile.Open(logFile, LogFileFormat.Text));
var context = new RunContext(output);
if (args.Length > 2 && args[2] != "-")
{
    context.Env.Secrets.AddRange(args[2].Split(','));
}

var random = new Random(1);
const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var text = string.Concat(Enumerable.Range(0, 1024).Select(_ => new string([.. Enumerable.Range(0, 76).Select(_ => Base64[random.Next(64)])]) + "\n"));
var pattern = System.Text.Encoding.UTF8.GetBytes(text);
var capture = args.Length > 3 && args[3] == "capture";
const string Host = "127.0.0.2:22";
void Feed(int n)
{
    // As RemoteShell wires a command's stdout (serial run, not --linewise: the unfinished last line is shown as it grows).
    var splitter = new LineSplitter(
        line => OutputGroups.Write(context, ScopeSettings.None, new OutputEvent(OutputKind.Stdout, Host, line)),
        part => OutputGroups.Write(context, ScopeSettings.None, new OutputEvent(OutputKind.Stdout, Host, part) { Partial = true }))
    {
        OnLines = lines => OutputGroups.WriteLines(context, ScopeSettings.None, OutputKind.Stdout, Host, lines),
        Capture = capture ? new() : null,
    };
    const int Chunk = 32 * 1024;
    for (long left = (long)n * 77, at = 0; left > 0;)
    {
        var take = (int)Math.Min(Math.Min(left, Chunk), pattern.Length - at);
        splitter.Feed(pattern.AsSpan((int)at, take));
        splitter.ShowPending();
        at = (at + take) % pattern.Length;
        left -= take;
    }

    splitter.Complete();
}

Feed(20_000); // warm-up: JIT
terminal.Flush();
var allocated = GC.GetTotalAllocatedBytes(precise: true);
var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
Feed(count);
terminal.Flush();
var seconds = clock.Elapsed.TotalSeconds;
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
    $"{count} lines in {seconds:0.000} s (cpu {cpuSeconds:0.000} s): {seconds * 1e9 / count:0} ns a line, {(double)bytes / count:0} bytes allocated a line; collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
return 0;
