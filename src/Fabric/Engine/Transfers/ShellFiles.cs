using System.Globalization;
using System.Text;
using Fabric.Engine.Remote;
using Fabric.Engine.Transport;
using Fabric.Engine.Transport.Sftp;

namespace Fabric.Engine.Transfers;

/// <summary>
/// A host's files through POSIX commands on exec channels, for a server without SFTP (a Dropbear without
/// <c>sftp-server</c>) and for <c>useSudo</c>: only what POSIX and BusyBox both have (<c>ls -ldLn</c>, <c>cat</c>,
/// <c>mv -f</c>, <c>chmod</c>, <c>mkdir -m</c>, <c>set -C</c>; no <c>find -printf</c>, no GNU <c>stat</c>, no
/// <c>chmod --reference</c>). Answers are read after <see cref="ShellRunner"/>'s marker, verdicts from exit codes.
/// </summary>
internal sealed partial class ShellFiles(ShellRunner shell) : IRemoteFiles
{
    public string Kind => shell.Sudo ? "sudo and POSIX commands" : "POSIX commands";

    public async Task<string> HomeAsync(CancellationToken cancellationToken)
    {
        var answer = await AnswerAsync("cd && pwd", "", cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(answer).TrimEnd('\n');
    }

    public async Task<RemoteFileInfo?> StatAsync(string path, CancellationToken cancellationToken)
    {
        var p = ShellRunner.Quote(path);
        var answer = await AnswerAsync($"if [ -e {p} ]; then ls -ldLn {p}; fi", path, cancellationToken).ConfigureAwait(false);
        return answer.Length == 0 ? null : ParseLong(Encoding.UTF8.GetString(answer));
    }

    /// <summary>Each entry's name then its <c>ls -ldLn</c> line, both ended by a NUL byte (names may hold line breaks).</summary>
    public async Task<IReadOnlyList<RemoteEntry>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var script = $"cd {ShellRunner.Quote(folder)} || exit 1; for f in * .[!.]* ..?*; do "
            + "{ [ -e \"$f\" ] || [ -L \"$f\" ]; } || continue; printf '%s\\000' \"$f\"; "
            + "l=$(ls -ldLn \"./$f\" 2>/dev/null); printf '%s\\000' \"$l\"; done";
        var answer = await AnswerAsync(script, folder, cancellationToken).ConfigureAwait(false);
        var parts = Split(answer);
        var entries = new List<RemoteEntry>();
        for (var i = 0; i + 1 < parts.Count; i += 2)
        {
            var name = new SftpReader(Framed(parts[i])).String();
            var info = parts[i + 1].Length == 0 ? null : ParseLong(Encoding.UTF8.GetString(parts[i + 1]));
            entries.Add(new RemoteEntry(name.Text, info, NotUtf8: !name.Valid));
        }

        return entries;
    }

    public async Task DownloadAsync(string path, Stream to, CancellationToken cancellationToken)
    {
        await using var answer = new MarkedStream(to, shell.Marker);
        var exit = await shell.ExecAsync($"printf '%s' '{shell.Marker}'; exec cat {ShellRunner.Quote(path)}", cancellationToken, stdout: answer, activity: $"receiving {path}").ConfigureAwait(false);
        if (exit.ExitCode != 0 || !answer.Found)
        {
            throw Refusal(exit, null, path, answer.Found);
        }
    }

    /// <summary>
    /// Sends through <c>cat</c> into a file it creates (<c>set -C</c>: never over an existing one); under <c>umask 077</c>
    /// when a private mode is asked. SIGPIPE ignored: when the connection dies mid-upload, writing to stderr must not kill
    /// the shell before it removes the partial file. An empty file is created without stdin: SSH.NET sends no EOF for a
    /// stdin that nothing was written to.
    /// </summary>
    public async Task UploadAsync(Stream from, string path, int? createMode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        var p = ShellRunner.Quote(path);
        var empty = from.CanSeek && from.Length == 0;
        var umask = createMode is { } m ? $"umask {Octal(~m & 0x1FF)} && " : "";
        var (write, refuse) = empty ? ($": > {p}", "") : ($"cat > {p}", $"printf %s '{ShellRunner.StdinRefused}' >&2; cat > /dev/null; ");
        var chmod = createMode is { } mode ? $" && chmod {Octal(mode)} {p}" : "";
        var script = $"trap '' PIPE; {{ {umask}set -C && {write}{chmod}; }} || {{ {refuse}exit 1; }}";
        var exit = await shell.ExecAsync(script, cancellationToken, empty ? null : from, activity: $"sending {path}").ConfigureAwait(false);
        if (exit.ExitCode != 0)
        {
            throw Refusal(exit, null, path, markerSeen: true);
        }
    }

    public Task SetModeAsync(string path, int mode, CancellationToken cancellationToken) =>
        AnswerAsync($"chmod {Octal(mode)} {ShellRunner.Quote(path)}", path, cancellationToken);

    public Task RenameAsync(string from, string to, CancellationToken cancellationToken) =>
        AnswerAsync($"mv -f {ShellRunner.Quote(from)} {ShellRunner.Quote(to)}", to, cancellationToken);

    public Task RemoveAsync(string path, CancellationToken cancellationToken) =>
        AnswerAsync($"rm -f {ShellRunner.Quote(path)}", path, cancellationToken);

    public Task MakeDirectoryAsync(string path, int? mode, CancellationToken cancellationToken) =>
        AnswerAsync($"mkdir {(mode is { } m ? $"-m {Octal(m)} " : "")}{ShellRunner.Quote(path)}", path, cancellationToken);

    public Task RemoveDirectoryAsync(string path, CancellationToken cancellationToken) =>
        AnswerAsync($"rmdir {ShellRunner.Quote(path)}", path, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs a script and returns what it printed after the marker; a failure is the server's reason.</summary>
    private async Task<byte[]> AnswerAsync(string script, string path, CancellationToken cancellationToken)
    {
        var (exit, answer) = await shell.QueryAsync(script, cancellationToken).ConfigureAwait(false);
        if (exit.ExitCode != 0 || answer is null)
        {
            throw Refusal(exit, answer, path, answer is not null);
        }

        return answer;
    }

    private static RemoteFileException Refusal(RemoteExit exit, byte[]? answer, string path, bool markerSeen)
    {
        var why = ShellRunner.Why(exit, answer);
        if (!markerSeen)
        {
            return new RemoteFileException(RemoteFileError.Unsupported, $"the account's login shell runs no commands ({why}), and no SFTP server either (a nologin or /bin/false account)");
        }

        // The same words as over SFTP: the shell's line names our temporary file, not the user's.
        var error = ShellRunner.ErrorOf(why);
        return new RemoteFileException(error, error switch
        {
            RemoteFileError.Denied => "Permission denied",
            RemoteFileError.Missing => "No such file",
            _ => ShellPrefix().Replace(why, ""),
        });
    }

    /// <summary>Type, permission bits and size from a POSIX <c>ls -ln</c> line: <c>-rw-r--r-- 1 1000 1000 5 …</c>.</summary>
    internal static RemoteFileInfo? ParseLong(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0].Length < 10)
        {
            return null;
        }

        var type = fields[0][0] switch
        {
            'd' => RemoteFileType.Directory,
            '-' => RemoteFileType.File,
            _ => RemoteFileType.Other,
        };
        var size = long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return new RemoteFileInfo(type, size, ModeOf(fields[0]));
    }

    /// <summary>The permission bits of <c>rwsr-xr-t</c> (after the type letter).</summary>
    internal static int ModeOf(string symbolic)
    {
        var mode = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = symbolic[1 + i];
            var bit = 1 << (8 - i);
            if (c is 'r' or 'w' or 'x' or 's' or 't')
            {
                mode |= bit;
            }

            if (c is 's' or 'S' or 't' or 'T')
            {
                mode |= i switch { 2 => 0x800, 5 => 0x400, _ => 0x200 };
            }
        }

        return mode;
    }

    internal static string Octal(int mode) => "0" + Convert.ToString(mode & 0xFFF, 8).PadLeft(3, '0');

    /// <summary>What a shell puts in front of its complaint: <c>/bin/sh: 1: </c>, <c>sh: line 1: </c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\S*sh: (line )?\d+: ")]
    private static partial System.Text.RegularExpressions.Regex ShellPrefix();

    private static List<byte[]> Split(byte[] bytes)
    {
        var parts = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                parts.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return parts;
    }

    private static byte[] Framed(byte[] name)
    {
        var framed = new byte[name.Length + 4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed, (uint)name.Length);
        name.CopyTo(framed, 4);
        return framed;
    }
}
