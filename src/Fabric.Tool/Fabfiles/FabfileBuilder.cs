using Fabric.Engine;

namespace Fabric.Tool.Fabfiles;

/// <summary>
/// Builds a fabfile project (or single-file fabfile) when its inputs changed since its last good build, and otherwise
/// runs no MSBuild at all: an up-to-date <c>dotnet fab --list</c> must not pay for a build (1.3–1.6 s measured).
/// </summary>
internal static class FabfileBuilder
{
    /// <summary>Returns the fabfile's built assembly, building the project first if it is out of date.</summary>
    /// <param name="projectPath">The fabfile's <c>.csproj</c>, or its <c>.cs</c> file for a single-file fabfile.</param>
    /// <param name="currentDirectory">The folder the status line's project path is shown relative to.</param>
    /// <param name="status">Gets one line, <c>Building …</c>, when (and only when) a build runs.</param>
    /// <param name="cancellationToken">Stops a running build.</param>
    /// <exception cref="FabricUsageException">The build failed; the message holds the compiler's errors.</exception>
    public static async Task<FabfileBuild> EnsureBuiltAsync(
        string projectPath, string currentDirectory, TextWriter status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        projectPath = Path.GetFullPath(projectPath);
        var stampPath = FabfileStamp.PathFor(projectPath);
        var stamp = FabfileStamp.Read(stampPath);
        if (stamp is not null
            && File.Exists(stamp.AssemblyPath)
            && stamp.InputHash == FabfileStamp.ComputeInputHash(projectPath))
        {
            return new FabfileBuild(stamp.AssemblyPath, Built: false, projectPath, stamp.InputHash);
        }

        var shownPath = Path.GetRelativePath(currentDirectory, projectPath);
        var startedUtc = DateTime.UtcNow;
        await status.WriteLineAsync($"Building {shownPath}…").ConfigureAwait(false);
        var singleFile = FabfileLocation.IsSingleFilePath(projectPath);
        var result = await DotnetCli.RunAsync(
            singleFile
                ? SingleFileBuild.Arguments(projectPath)
                :
                [
                    "build", projectPath, "-nologo", "-v:q", "-nodeReuse:false", "-p:UseSharedCompilation=false",
                    "-t:Build", "-getProperty:TargetPath",
                ],
            Path.GetDirectoryName(projectPath)!,
            singleFile ? SingleFileBuild.Environment : null,
            cancellationToken).ConfigureAwait(false);

        if (result.ExitCode != 0)
        {
            var diagnostics = Diagnostics(result).Select(line => singleFile ? SingleFileBuild.WithoutProjectSuffix(line, projectPath) : line);
            throw new FabricUsageException($"Building {shownPath} failed:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}");
        }

        var assemblyPath = LastLine(result.StandardOutput);
        if (string.IsNullOrEmpty(assemblyPath) || !File.Exists(assemblyPath))
        {
            throw new FabricUsageException(
                $"Built {shownPath}, but MSBuild named no assembly (TargetPath '{assemblyPath}'). "
                + (singleFile ? "" : "A fabfile project must have a single TargetFramework."));
        }

        if (FabfileInputs.ChangedSince(projectPath, startedUtc))
        {
            File.Delete(stampPath);
            return new FabfileBuild(assemblyPath, Built: true, projectPath);
        }

        var built = new FabfileStamp(FabfileStamp.ComputeInputHash(projectPath), assemblyPath);
        built.Write(stampPath);
        return new FabfileBuild(assemblyPath, Built: true, projectPath, built.InputHash);
    }

    /// <summary>The build's error lines as the compiler printed them, or all it printed when none looks like one.</summary>
    private static IEnumerable<string> Diagnostics(DotnetResult result)
    {
        var lines = (result.StandardError + Environment.NewLine + result.StandardOutput)
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Where(IsError).Distinct(StringComparer.Ordinal).ToList();
        return errors.Count > 0 ? errors : lines.Distinct(StringComparer.Ordinal);
    }

    private static bool IsError(string line) =>
        line.Contains(": error ", StringComparison.Ordinal) || line.StartsWith("error ", StringComparison.Ordinal);

    private static string LastLine(string text) =>
        text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault() ?? "";
}
