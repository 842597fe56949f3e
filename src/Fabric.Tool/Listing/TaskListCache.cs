using Fabric.Tool.Fabfiles;

namespace Fabric.Tool.Listing;

/// <summary>
/// The <c>--list</c> text of a fabfile, kept next to its build stamp (<c>obj/dotnet-fab.list.FORMAT</c>) and valid for the
/// stamp's input hash: an up-to-date <c>dotnet fab --list</c> then neither builds nor loads the fabfile.
/// </summary>
internal static class TaskListCache
{
    private const string Header = "dotnet-fab list v1 ";

    /// <summary>The cached text for this build, or null when there is none for exactly these inputs.</summary>
    public static string? TryRead(FabfileBuild build, ListFormat format)
    {
        if (PathFor(build, format) is not { } path)
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(path);
            var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
            return firstLineEnd > 0 && text[..firstLineEnd] == Header + build.InputHash ? text[(firstLineEnd + 1)..] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps the text for this build; a failure to write only costs the next run a load.</summary>
    public static void Write(FabfileBuild build, ListFormat format, string text)
    {
        if (PathFor(build, format) is not { } path)
        {
            return;
        }

        try
        {
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, Header + build.InputHash + "\n" + text);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not cached; nothing is lost.
        }
    }

    private static string? PathFor(FabfileBuild build, ListFormat format) =>
        build is { ProjectPath: { } project, InputHash: not null }
            ? Path.Combine(Path.GetDirectoryName(FabfileStamp.PathFor(project))!, $"dotnet-fab.list.{format.ToString().ToLowerInvariant()}")
            : null;
}
