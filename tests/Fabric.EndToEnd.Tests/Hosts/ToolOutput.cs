using System.Text.RegularExpressions;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// What a user must and must not see from <c>dotnet fab</c> after a transfer: when it worked, exit 0, no error and one
/// <c>Disconnecting</c> line for the host; when it failed, exit 1 and exactly one <c>Fatal error:</c> line that names the
/// host, the file and the reason; never an exception type, a stack trace or a source location.
/// </summary>
internal static partial class ToolOutput
{
    /// <summary>The ways <paramref name="result"/> shows the program's insides (exception type, stack trace, source line).</summary>
    public static void AddInsides(List<string> problems, FabResult result)
    {
        var all = result.Stdout + result.Stderr;
        if (ExceptionName().Match(all) is { Success: true } name)
        {
            problems.Add($"the output names an exception type ('{name.Value}')");
        }

        if (all.Contains("   at ", StringComparison.Ordinal))
        {
            problems.Add("the output holds a stack trace ('   at ')");
        }

        if (SourceLine().Match(all) is { Success: true } line)
        {
            problems.Add($"the output names a source location ('{line.Value}')");
        }
    }

    /// <summary>The ways <paramref name="result"/> is not a clean success on <paramref name="host"/>.</summary>
    public static void AddWorkProblems(List<string> problems, FabResult result, RealHost host)
    {
        AddInsides(problems, result);
        if (result.ExitCode != 0)
        {
            problems.Add($"exit code {result.ExitCode}, not 0");
        }

        if (FatalLines(result).Length > 0)
        {
            problems.Add("a 'Fatal error:' line");
        }

        var disconnecting = result.StdoutLines.Count(l => l.Contains($"Disconnecting from {host.HostString}", StringComparison.Ordinal));
        if (disconnecting > 1)
        {
            problems.Add($"{disconnecting} 'Disconnecting from {host.HostString}' lines, not one");
        }
    }

    /// <summary>
    /// The ways <paramref name="result"/> is not exactly one failure line naming <paramref name="host"/>,
    /// <paramref name="file"/> and <paramref name="reason"/>.
    /// </summary>
    public static void AddFailureProblems(List<string> problems, FabResult result, RealHost host, string file, Cause reason)
    {
        AddInsides(problems, result);
        if (result.ExitCode != 1)
        {
            problems.Add($"exit code {result.ExitCode}, not 1");
        }

        var fatal = FatalLines(result);
        if (fatal.Length != 1)
        {
            problems.Add($"{fatal.Length} 'Fatal error:' lines, not one");
            return;
        }

        if (!fatal[0].Contains(host.HostString, StringComparison.Ordinal))
        {
            problems.Add($"the 'Fatal error:' line does not name the host {host.HostString}");
        }

        if (!fatal[0].Contains(file, StringComparison.Ordinal))
        {
            problems.Add($"the 'Fatal error:' line does not name the file {file}");
        }

        if (!reason.IsSaidIn(fatal[0]))
        {
            problems.Add($"the 'Fatal error:' line does not say {reason}");
        }
    }

    /// <summary>Every line holding <c>Fatal error:</c>, on either stream.</summary>
    public static string[] FatalLines(FabResult result) =>
        [.. result.StdoutLines.Concat(result.StderrLines).Where(l => l.Contains("Fatal error:", StringComparison.Ordinal))];

    /// <summary>The text of a failed case for its message: what it expected, what differed, what the tool printed (passwords masked).</summary>
    public static string Report(string what, string expected, IEnumerable<string> problems, FabResult result, RealHost host, string serverLog) =>
        Mask($"{what}: expected it {expected}; instead: {string.Join("; ", problems)}.\n{result}\n--- server log during the case\n{serverLog}", host);

    /// <summary><paramref name="text"/> with the host's password replaced.</summary>
    public static string Mask(string text, RealHost host) =>
        host.Password is null ? text : text.Replace(host.Password, "<password>", StringComparison.Ordinal);

    [GeneratedRegex(@"\b\w*Exception\b")]
    private static partial Regex ExceptionName();

    [GeneratedRegex(@"\.cs:line \d+")]
    private static partial Regex SourceLine();
}
