using System.Text;
using Fabric.Engine.Execution;
using Fabric.Engine.Transfers;

namespace Fabric.Engine.Templates;

/// <summary>
/// <c>UploadTemplate</c>: finds the template here, renders it in memory (<see cref="TemplateRenderer"/>) before anything
/// connects, and sends the text through <c>Put</c>'s staged and checked upload (<see cref="RemoteTransfers.PutContentAsync"/>),
/// so the rendered file, which may hold secrets, is never written to a local file.
/// </summary>
internal static class TemplateUpload
{
    public static Task<TransferResult> UploadAsync(
        string filename, string destination, object? context, string? templateDir, bool useSudo, bool backup, bool mirrorLocalMode, string? mode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(filename);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        if (mode is not null && !(mode.Length is >= 3 and <= 4 && mode.All(c => c is >= '0' and <= '7')))
        {
            throw new ArgumentException($"'{mode}' is not an octal file mode such as 0644.", nameof(mode));
        }

        var path = Locate(filename, templateDir, Ambient.Scope.LocalDirectory ?? Directory.GetCurrentDirectory());
        if (!File.Exists(path))
        {
            throw new AbortException(Directory.Exists(path)
                ? $"upload_template: {path} is a folder, not a template."
                : $"upload_template: no template {path}. A relative name is taken in templateDir, else the Lcd folder, else the current folder "
                    + "(templateDir: Env.FabfileDirectory names the fabfile's own folder).");
        }

        string rendered;
        try
        {
            rendered = TemplateRenderer.Render(File.ReadAllText(path), TemplateModel.Of(context), path);
        }
        catch (TemplateException e)
        {
            throw new AbortException("upload_template: " + e.Message, e);
        }

        var bits = mode is not null ? Convert.ToInt32(mode, 8) : mirrorLocalMode && !OperatingSystem.IsWindows() ? (int)File.GetUnixFileMode(path) & 0xFFF : (int?)null;
        return RemoteTransfers.PutContentAsync(
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(rendered), path, Path.GetFileName(path), destination, useSudo, bits, backup, cancellationToken);
    }

    /// <summary>
    /// Where the template <paramref name="filename"/> is: as it is when absolute, else in <paramref name="templateDir"/> (itself
    /// taken from <paramref name="localDirectory"/> when relative), else in <paramref name="localDirectory"/> (the <c>Lcd</c>
    /// folder, or the current one).
    /// </summary>
    internal static string Locate(string filename, string? templateDir, string localDirectory)
    {
        var folder = string.IsNullOrEmpty(templateDir) ? localDirectory : Path.GetFullPath(templateDir, localDirectory);
        return Path.GetFullPath(filename, folder);
    }
}
