using System.Text.RegularExpressions;

namespace Fabric.Engine.Remote;

/// <summary>
/// Recognises a command that failed because the host has no <c>Env.Shell</c> (the default <c>/bin/bash</c> on a host
/// without bash), from what the account's login shell printed, and says so in one line naming the host, the missing
/// shell and how to choose another. The wordings, checked against Debian 12's servers and shells (exit status 127):
/// <list type="bullet">
/// <item>dash as <c>/bin/sh</c> (OpenSSH, Dropbear): <c>sh: 1: /bin/bash: not found</c>; under tinysshd the shell's
/// full path leads: <c>/bin/dash: 1: /bin/bash: not found</c>.</item>
/// <item>BusyBox ash: <c>sh: /bin/bash: not found</c> (<c>ash: …</c> when so named).</item>
/// <item>bash (another <c>Env.Shell</c> missing): <c>bash: line 1: /usr/bin/zsh: No such file or directory</c>.</item>
/// <item>zsh: <c>zsh:1: no such file or directory: /bin/bash</c>; mksh: <c>…: inaccessible or not found</c>.</item>
/// <item><c>env</c> in the shell line (<c>/usr/bin/env bash -c</c>): <c>env: ‘bash’: No such file or directory</c>.</item>
/// <item><c>Sudo</c> (exit status 1): <c>sudo: /bin/bash: command not found</c>.</item>
/// </list>
/// Only a line naming the shell's own program counts: a command that is missing inside a working shell is not this.
/// </summary>
internal static partial class MissingShell
{
    /// <summary>The explanation, or null when the failure is not a missing shell.</summary>
    /// <param name="hostDisplay">The host as the user wrote it.</param>
    /// <param name="shell">The <c>Env.Shell</c> the command ran in (<c>/bin/bash -l -c</c>); empty: none.</param>
    /// <param name="exitCode">The command's exit status.</param>
    /// <param name="stderr">Its standard error (with a pseudo-terminal: its output).</param>
    /// <param name="names">How the message names the shell setting (the library's names by default).</param>
    public static string? Explain(string hostDisplay, string shell, int exitCode, string stderr, SettingNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(hostDisplay);
        if (ProgramOf(shell) is not { } program || stderr is null || exitCode is not (127 or 1))
        {
            return null;
        }

        foreach (var raw in stderr.Split('\n'))
        {
            var line = raw.Trim();
            if ((exitCode == 127 || line.StartsWith("sudo:", StringComparison.Ordinal)) && MissingName(line) == program)
            {
                return Message(hostDisplay, shell.Trim(), program, line, names ?? SettingNames.Library);
            }
        }

        return null;
    }

    /// <summary>The program <paramref name="shell"/> starts (after <c>env</c> and its options and assignments), or null.</summary>
    internal static string? ProgramOf(string? shell)
    {
        var words = (shell ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'')).ToList();
        if (words.Count > 0 && (words[0] == "env" || words[0].EndsWith("/env", StringComparison.Ordinal)))
        {
            words = [.. words.Skip(1).SkipWhile(w => w.StartsWith('-') || w.Contains('=', StringComparison.Ordinal))];
        }

        return words.Count > 0 && words[0].Length > 0 ? words[0] : null;
    }

    /// <summary>The name a "not found" line says is missing, without quotes; null when the line says no such thing.</summary>
    private static string? MissingName(string line)
    {
        var match = NameThenMissing().Match(line);
        if (!match.Success)
        {
            match = MissingThenName().Match(line);
        }

        return match.Success ? match.Groups["name"].Value.Trim('\'', '"', '‘', '’', '`') : null;
    }

    private static string Message(string host, string shell, string program, string evidence, SettingNames names)
    {
        var other = program == "sh" || program.EndsWith("/sh", StringComparison.Ordinal)
            ? names.Name(Setting.Shell, "\"\"") + " (no shell around the command)"
            : names.Name(Setting.Shell, "\"/bin/sh -c\"");
        return $"{program} was not found on {host} (\"{evidence}\"), and remote commands run in Env.Shell (\"{shell}\"): choose a shell the host has with {other}.";
    }

    /// <summary><c>… NAME: not found</c>, <c>… NAME: No such file or directory</c>, <c>… NAME: command not found</c>, …</summary>
    [GeneratedRegex(@"(?:^|[\s:])(?<name>[^\s:]+): (?:not found|no such file or directory|command not found|inaccessible or not found)(?:\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameThenMissing();

    /// <summary>zsh: <c>zsh:1: no such file or directory: NAME</c>, <c>zsh:1: command not found: NAME</c>.</summary>
    [GeneratedRegex(@"(?:no such file or directory|command not found): (?<name>\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MissingThenName();
}
