using System.Text;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// What a user of OpenSSH would expect of a real-host case: it works (exit 0, the command's output lines, no error),
/// or it fails with exactly one <c>Fatal error:</c> line that names the host, whose block (that line and the indented
/// lines under it) gives the cause; either way no exception type name and no stack trace anywhere.
/// </summary>
internal sealed class Outcome
{
    private readonly Cause[] _causes;

    private Outcome(bool works, Cause[] causes)
    {
        Works = works;
        _causes = causes;
    }

    public bool Works { get; }

    /// <summary>Exit 0 with the operation's output lines.</summary>
    public static Outcome Succeeds { get; } = new(true, []);

    /// <summary>Exit 1 with one <c>Fatal error:</c> line naming the host and every one of <paramref name="causes"/> said.</summary>
    public static Outcome Fails(params Cause[] causes) => new(false, causes);

    /// <summary>What this outcome expects, in words, for a failure message.</summary>
    public string Describe(RealHost host, Operation operation) => Works
        ? "works: exit 0 and " + string.Join(", ", Operations.OutputWhenItWorks(operation).Select(l => $"'[{host.HostString}] {l}'"))
        : "fails: exit 1, one 'Fatal error:' line naming " + host.HostString + " that says " + string.Join(" and ", _causes.Select(c => c.ToString()));

    /// <summary>The ways <paramref name="result"/> differs from this outcome; none when it matches.</summary>
    public IReadOnlyList<string> Differences(RealHost host, Operation operation, FabResult result)
    {
        var problems = new List<string>();
        var all = result.Stdout + result.Stderr;
        if (all.Contains("Exception", StringComparison.Ordinal))
        {
            problems.Add("the output names an exception type");
        }

        if (all.Contains("   at ", StringComparison.Ordinal))
        {
            problems.Add("the output holds a stack trace");
        }

        if (Works)
        {
            AddWorkProblems(problems, host, operation, result);
        }
        else
        {
            AddFailureProblems(problems, host, result);
        }

        return problems;
    }

    private static void AddWorkProblems(List<string> problems, RealHost host, Operation operation, FabResult result)
    {
        if (result.ExitCode != 0)
        {
            problems.Add($"exit code {result.ExitCode}, not 0");
        }

        foreach (var line in Operations.OutputWhenItWorks(operation).Select(l => $"[{host.HostString}] {l}"))
        {
            if (!result.StdoutLines.Contains(line))
            {
                problems.Add($"no line '{line}'");
            }
        }

        if (result.Stderr.Contains("Fatal error:", StringComparison.Ordinal))
        {
            problems.Add("a 'Fatal error:' line");
        }
    }

    private void AddFailureProblems(List<string> problems, RealHost host, FabResult result)
    {
        if (result.ExitCode != 1)
        {
            problems.Add($"exit code {result.ExitCode}, not 1");
        }

        var fatal = result.StdoutLines.Concat(result.StderrLines).Count(l => l.Contains("Fatal error:", StringComparison.Ordinal));
        if (fatal != 1)
        {
            problems.Add($"{fatal} 'Fatal error:' lines, not one");
            return;
        }

        var block = FatalBlock(result);
        if (!block[0].Contains(host.HostString, StringComparison.Ordinal))
        {
            problems.Add($"the 'Fatal error:' line does not name {host.HostString}");
        }

        var text = string.Join('\n', block);
        problems.AddRange(_causes.Where(c => !c.IsSaidIn(text)).Select(c => $"the error does not say {c.Meaning}"));
    }

    /// <summary>The <c>Fatal error:</c> line and the indented lines under it.</summary>
    private static string[] FatalBlock(FabResult result)
    {
        var lines = result.StderrLines;
        var start = Array.FindIndex(lines, l => l.Contains("Fatal error:", StringComparison.Ordinal));
        if (start < 0)
        {
            return [result.StdoutLines.First(l => l.Contains("Fatal error:", StringComparison.Ordinal))];
        }

        var end = start + 1;
        while (end < lines.Length && lines[end].StartsWith(' '))
        {
            end++;
        }

        return lines[start..end];
    }
}

/// <summary>A cause a failure must give: <see cref="Meaning"/> in words, said when the error holds any of <see cref="Words"/> (any case).</summary>
internal sealed record Cause(string Meaning, params string[] Words)
{
    public bool IsSaidIn(string text) => Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    public override string ToString()
    {
        var builder = new StringBuilder(Meaning).Append(" (");
        return builder.AppendJoin(" or ", Words.Select(w => $"'{w}'")).Append(')').ToString();
    }
}
