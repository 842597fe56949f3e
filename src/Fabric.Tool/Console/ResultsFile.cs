using Fabric.Engine;
using Fabric.Engine.Execution;

namespace Fabric.Tool.Console;

/// <summary>Writes and reads <c>--results-json</c> files (the format is <see cref="RunResults"/>'s).</summary>
internal static class ResultsFile
{
    /// <summary>Writes <paramref name="results"/> to <paramref name="path"/>, replacing what was there.</summary>
    public static void Write(string path, RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        File.WriteAllText(path, results.ToJson());
    }

    /// <summary>Reads the results files <paramref name="paths"/> and merges them, in the order given.</summary>
    /// <exception cref="FabricUsageException">No file given, a missing file, or one that is not a results file.</exception>
    public static RunResults Merge(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new FabricUsageException("--merge-results needs the results files to merge: dotnet fab --merge-results a.json b.json …");
        }

        return RunResults.Merge([.. paths.Select(path => File.Exists(path)
            ? RunResults.Parse(File.ReadAllText(path), path)
            : throw new FabricUsageException($"Results file '{path}' (--merge-results) does not exist."))]);
    }
}
