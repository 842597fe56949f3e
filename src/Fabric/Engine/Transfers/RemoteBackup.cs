using Fabric.Engine.Execution;
using Fabric.Engine.Output;
using Fabric.Engine.Transport;

namespace Fabric.Engine.Transfers;

/// <summary>
/// <c>UploadTemplate</c>'s backup, as Fabric's <c>cp file{,.bak}</c>: an existing target is copied to <c>target.bak</c> (over
/// an older one) before the new file takes its place; with <c>useSudo</c>, as root. <c>cp -p</c> keeps the copy's mode, owner
/// and times, so a backup of a private file stays private.
/// </summary>
internal static class RemoteBackup
{
    /// <summary>
    /// Copies <paramref name="path"/> to <paramref name="path"/><c>.bak</c> if it is a file; returns null (done, or nothing
    /// to back up), or why it could not be made (the server's words).
    /// </summary>
    public static async Task<string?> CopyAsync(RunContext context, ScopeSettings scope, TransferHost host, string path, CancellationToken cancellationToken)
    {
        var existing = await (host.RootFiles ?? host.Files).StatAsync(path, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Type == RemoteFileType.Directory)
        {
            return null;
        }

        var copy = path + ".bak";
        OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Command, host.Host.Target.Display, $"backup: {path} -> {copy}"));
        var shell = host.RootShell ?? host.Shell;
        var (exit, answer) = await shell.QueryAsync($"cp -p {ShellRunner.Quote(path)} {ShellRunner.Quote(copy)}", cancellationToken).ConfigureAwait(false);
        return exit.ExitCode == 0 && answer is not null
            ? null
            : $"the backup {copy} could not be made ({ShellRunner.Why(exit, answer)}); pass backup: false to go without one";
    }
}
