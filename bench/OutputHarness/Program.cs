using System.Diagnostics;
using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Tool.Console;

// Usage: Fabric.OutputBench LINES [LOG_FILE|-] [SECRET,SECRET...]
// Writes LINES lines of 76 characters (what base64 prints), as one host's stdout, through OutputGroups.Write into the
// tool's own sink: this process's console (buffered as the tool's is) and, when given, a text log file; with the given
// secrets in Env.Secrets (none of them in the lines). Prints the cost per line on stderr: time, CPU, bytes allocated
// (the line's own string, 176 bytes, and its OutputEvent, 40, included).
if (args.Length < 1 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var count))
{
    await Console.Error.WriteLineAsync("usage: Fabric.OutputBench LINES [LOG_FILE|-] [SECRET,SECRET...]");
    return 2;
}

var logFile = args.Length > 1 && args[1] != "-" ? args[1] : null;
using var terminal = TerminalStatusLine.ForThisConsole();
using var output = ConsoleLogger.Create(logFile, LogFileFormat.Text, terminal);
var context = new RunContext(output.Output);
if (args.Length > 2)
{
    context.Env.Secrets.AddRange(args[2].Split(','));
}

var random = new Random(1);
const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var lines = Enumerable.Range(0, 1024).Select(_ => new string([.. Enumerable.Range(0, 76).Select(_ => Base64[random.Next(64)])])).ToArray();
void Feed(int n)
{
    for (var i = 0; i < n; i++)
    {
        // A string of its own for each line, as the line splitter makes one.
        OutputGroups.Write(context, ScopeSettings.None, new OutputEvent(OutputKind.Stdout, "127.0.0.2:22", new string(lines[i % lines.Length])));
    }
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
    $"{count} lines in {seconds:0.000} s (cpu {cpuSeconds:0.000} s): {seconds * 1e9 / count:0} ns a line, {(double)bytes / count:0} bytes allocated a line"));
return 0;
