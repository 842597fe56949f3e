using System.Globalization;
using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>
/// The arguments of OpenSSH's <c>ssh</c> for an <see cref="SshRoute"/>, so that it logs in as the run does: <c>-F</c> the
/// same config (or <c>none</c>), <c>-l</c>, <c>-p</c>, each key file, the agent, the known_hosts file and the host-key
/// policy, and each jump host as a <c>ProxyCommand</c> running <c>ssh -W</c> with the jump host's own settings (<c>-J</c>
/// would give a jump host only the config file, not the keys or known_hosts). <c>BatchMode</c>: it never asks anything.
/// Values go in as <c>-o Key="value"</c> lines (quoted for ssh's own parser, <c>%</c> doubled where ssh expands tokens), so
/// any path survives.
/// </summary>
internal static class OpenSshCommand
{
    /// <summary><c>ssh</c> and its options for <paramref name="route"/>, without the destination (rsync adds it).</summary>
    public static IReadOnlyList<string> Options(SshRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var args = new List<string> { "ssh", "-F", route.ConfigFile ?? "none", "-o", "BatchMode=yes", "-l", route.User, "-p", route.Port.ToString(CultureInfo.InvariantCulture) };
        foreach (var key in route.KeyFiles)
        {
            args.AddRange(["-o", "IdentityFile=" + Value(key, tokens: true)]);
        }

        if (route.IdentitiesOnly)
        {
            args.AddRange(["-o", "IdentitiesOnly=yes"]);
        }

        args.AddRange(["-o", "IdentityAgent=" + (route.AgentSocket is { } socket ? Value(socket, tokens: true) : "none")]);
        args.AddRange(route.Policy == HostKeyPolicy.Off
            ? ["-o", "UserKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=no"]
            : ["-o", "UserKnownHostsFile=" + Value(route.KnownHostsFile, tokens: true), "-o", "StrictHostKeyChecking=" + (route.Policy == HostKeyPolicy.Reject ? "yes" : "accept-new")]);
        args.AddRange(["-o", "ConnectTimeout=" + Math.Max(1, (int)Math.Ceiling(route.ConnectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture)]);
        args.AddRange(["-o", route.Via is { } via ? "ProxyCommand=" + ProxyCommand(via, route) : "ProxyJump=none"]);
        return args;
    }

    /// <summary>
    /// The command that carries the connection to <paramref name="next"/> through <paramref name="via"/>: <c>ssh … -W
    /// [host]:port via</c>, each word quoted for the shell ssh runs it with, <c>%</c> doubled (ssh expands tokens in it).
    /// </summary>
    private static string ProxyCommand(SshRoute via, SshRoute next)
    {
        var words = Options(via).Append("-W").Append($"[{next.HostName}]:{next.Port.ToString(CultureInfo.InvariantCulture)}").Append(via.Alias);
        return string.Join(' ', words.Select(ShellWord)).Replace("%", "%%", StringComparison.Ordinal);
    }

    /// <summary>A word for a POSIX shell: as it is when plainly safe, else single-quoted.</summary>
    internal static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c)) ? word : ShellQuoting.Quote(word);

    /// <summary>
    /// A value for an ssh config line (<c>-o Key=value</c>): double-quoted with <c>\</c> before <c>"</c> and <c>\</c> when it
    /// holds anything but plain characters; with <paramref name="tokens"/>, <c>%</c> doubled (ssh expands <c>%h</c> and the like there).
    /// </summary>
    internal static string Value(string value, bool tokens)
    {
        var text = tokens ? value.Replace("%", "%%", StringComparison.Ordinal) : value;
        if (text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:,@%+".Contains(c)))
        {
            return text;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }
}
