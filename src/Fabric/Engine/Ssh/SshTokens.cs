using System.Globalization;
using System.Text;

namespace Fabric.Engine.Ssh;

/// <summary>
/// OpenSSH's expansions in config values: a leading <c>~</c> (the home directory) and the <c>%</c> tokens
/// <c>%%</c>, <c>%d</c> (home), <c>%u</c> (local user), <c>%r</c> (remote user), <c>%h</c> (host name), <c>%n</c> (alias as
/// written), <c>%p</c> (port). Pure: every value comes from the caller.
/// </summary>
internal sealed record SshTokens(string Home, string LocalUser, string RemoteUser, string HostName, string Alias, int Port)
{
    /// <summary>Replaces a leading <c>~</c> or <c>~/</c> with <paramref name="home"/>.</summary>
    public static string ExpandTilde(string path, string home)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? System.IO.Path.Combine(home, path[2..]) : path;
    }

    /// <summary>Expands the <c>%</c> tokens of <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">An unknown token, or a lone <c>%</c> at the end.</exception>
    public string Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                result.Append(text[i]);
                continue;
            }

            if (++i == text.Length)
            {
                throw new FormatException($"'{text}' ends with a lone '%'.");
            }

            result.Append(text[i] switch
            {
                '%' => "%",
                'd' => Home,
                'u' => LocalUser,
                'r' => RemoteUser,
                'h' => HostName,
                'n' => Alias,
                'p' => Port.ToString(CultureInfo.InvariantCulture),
                var other => throw new FormatException($"'{text}' has the unknown token '%{other}'."),
            });
        }

        return result.ToString();
    }

    /// <summary>A path from the config: <c>~</c> first, then the tokens, as OpenSSH does for <c>IdentityFile</c>.</summary>
    public string ExpandPath(string path) => Expand(ExpandTilde(path, Home));
}
