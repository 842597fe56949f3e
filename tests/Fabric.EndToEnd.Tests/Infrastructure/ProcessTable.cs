using System.Globalization;

namespace Fabric.EndToEnd.Tests.Infrastructure;

/// <summary>The machine's live processes, read from <c>/proc</c>: to find what a test's servers and commands left running.</summary>
internal static class ProcessTable
{
    /// <summary>The command lines of the live children of process <paramref name="parent"/>.</summary>
    public static IReadOnlyList<string> Children(int parent) =>
        Processes().Where(p => p.Parent == parent).Select(p => p.CommandLine).ToList();

    /// <summary>The ids of the live children of process <paramref name="parent"/>.</summary>
    public static IReadOnlyList<int> ChildIds(int parent) =>
        Processes().Where(p => p.Parent == parent).Select(p => p.Id).ToList();

    /// <summary>The live processes of <paramref name="user"/> whose command line is <paramref name="commandLine"/>.</summary>
    public static IReadOnlyList<string> Running(string user, string commandLine)
    {
        var uid = File.ReadAllLines("/etc/passwd").Select(l => l.Split(':')).First(f => f[0] == user)[2];
        return Processes().Where(p => p.Uid == uid && p.CommandLine == commandLine).Select(p => p.CommandLine).ToList();
    }

    /// <summary>Polls <paramref name="list"/> (at most 10 s) until it is empty, and returns its last value.</summary>
    public static async Task<IReadOnlyList<string>> UntilNoneAsync(Func<IReadOnlyList<string>> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        for (var i = 0; i < 100 && list().Count > 0; i++)
        {
            await Task.Delay(100);
        }

        return list();
    }

    /// <summary>Every live (not zombie) process: id, parent, real uid and command line.</summary>
    private static List<(int Id, int Parent, string Uid, string CommandLine)> Processes()
    {
        var processes = new List<(int, int, string, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var uid = File.ReadLines(Path.Combine(dir, "status")).First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
                if (fields[0] != "Z")
                {
                    var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                    processes.Add((int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture), uid, commandLine));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or InvalidOperationException or FormatException)
            {
                // Not a process, or one that ended meanwhile.
            }
        }

        return processes;
    }
}
