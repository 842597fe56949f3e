using Fabric.Engine.Execution;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;
using Fabric.Engine.Transfers;

namespace Fabric.Engine.Projects;

/// <summary>
/// <c>UploadProject</c>, as Fabric's <c>upload_project</c>: the local folder as a gzipped tar (<see cref="ProjectArchive"/>,
/// written in a private temporary folder here), sent with <c>Put</c> into the remote folder, unpacked there with
/// <c>tar -xozf</c> (GNU and BusyBox; <c>-o</c>: the files become the extracting user's), and removed on both sides whatever happens.
/// </summary>
internal static class ProjectUpload
{
    public static async Task RunAsync(string? localDir, string? remoteDir, bool useSudo, CancellationToken cancellationToken)
    {
        var scope = Ambient.Scope;
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(string.IsNullOrEmpty(localDir) ? "." : localDir, scope.LocalDirectory ?? Directory.GetCurrentDirectory()));
        if (!Directory.Exists(folder))
        {
            throw new AbortException($"upload_project: {folder} is not a folder here.");
        }

        var name = Path.GetFileName(folder);
        if (string.IsNullOrEmpty(name))
        {
            throw new AbortException("upload_project: the root folder cannot be sent as a project; name a folder below it.");
        }

        var archiveName = $".{name}-{Guid.NewGuid().ToString("N")[..8]}.tar.gz";
        var local = Directory.CreateTempSubdirectory("fabric-project-"); // 0700: nobody else reads the archive.
        try
        {
            var archive = Path.Combine(local.FullName, archiveName);
            await using (var output = new FileStream(archive, FileMode.CreateNew, FileAccess.Write))
            {
                ProjectArchive.Write(folder, name, output);
            }

            var remoteFolder = string.IsNullOrEmpty(remoteDir) ? null : remoteDir;
            await RemoteTransfers.PutAsync(archive, RemotePaths.Join(remoteFolder, archiveName), useSudo, mode: null, verify: true, cancellationToken).ConfigureAwait(false);
            using (Ambient.EnterScope(s => s with { RemoteDirectory = remoteFolder is null ? s.RemoteDirectory : RemotePaths.Join(s.RemoteDirectory, remoteFolder) }))
            {
                var kind = useSudo ? "sudo" : "run";
                try
                {
                    await RemoteShell.RunAsync(kind, "tar -xozf " + ShellQuoting.Quote(archiveName), null, new RemoteCommandOptions(), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await RemoteShell.RunAsync(kind, "rm -f " + ShellQuoting.Quote(archiveName), null, new RemoteCommandOptions(WarnOnly: true), CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            local.Delete(recursive: true);
        }
    }
}
