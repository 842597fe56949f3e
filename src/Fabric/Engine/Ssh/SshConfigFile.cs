using System.Globalization;

namespace Fabric.Engine.Ssh;

/// <summary>
/// A parsed <c>~/.ssh/config</c> (with its <c>Include</c>d files) and the lookup of one host alias in it, as OpenSSH
/// reads it: <c>Host</c> blocks with pattern lists, the first value of each key wins, <c>Include</c> (globs, relative to
/// <c>~/.ssh</c>, conditional when inside a block). <c>Match</c> blocks other than <c>Match all</c> are skipped with a
/// warning. Keys Fabric does not use are ignored; a bad value of one it uses is a <see cref="FormatException"/> naming
/// the file and line.
/// </summary>
internal sealed class SshConfigFile
{
    private const int MaxIncludeDepth = 16;
    private readonly List<Item> _items;

    private SshConfigFile(List<Item> items) => _items = items;

    public static SshConfigFile Empty { get; } = new([]);

    /// <summary>Reads <paramref name="path"/> (none: empty) and the files it includes.</summary>
    /// <param name="path">The config file.</param>
    /// <param name="sshDirectory">Where relative <c>Include</c> paths start (<c>~/.ssh</c>).</param>
    /// <param name="homeDirectory">What <c>~</c> means in <c>Include</c> paths.</param>
    /// <param name="warnings">Receives one message per skipped <c>Match</c> block.</param>
    public static SshConfigFile Load(string path, string sshDirectory, string homeDirectory, ICollection<string> warnings) =>
        Load(path, sshDirectory, homeDirectory, warnings, 0);

    /// <summary>Parses config lines; <paramref name="include"/> turns one <c>Include</c> argument into the files it names.</summary>
    public static SshConfigFile Parse(string name, IEnumerable<string> lines, Func<string, IEnumerable<SshConfigFile>> include, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(warnings);
        var items = new List<Item>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var words = Split(line, name, number);
            if (words.Count == 0)
            {
                continue;
            }

            var keyword = words[0].ToLowerInvariant();
            var args = words.GetRange(1, words.Count - 1);
            string Where() => $"{name} line {number}";
            switch (keyword)
            {
                case "host":
                    items.Add(args.Count > 0 ? new HostItem(args) : throw new FormatException($"{Where()}: Host needs at least one pattern."));
                    break;
                case "match":
                    var all = args.Count == 1 && args[0].Equals("all", StringComparison.OrdinalIgnoreCase);
                    if (!all)
                    {
                        warnings.Add($"{Where()}: 'Match {string.Join(' ', args)}' is not supported; its block is skipped");
                    }

                    items.Add(new MatchItem(all));
                    break;
                case "include":
                    items.Add(new IncludeItem([.. args.SelectMany(include)]));
                    break;
                default:
                    if (args.Count == 0)
                    {
                        throw new FormatException($"{Where()}: {words[0]} needs a value.");
                    }

                    items.Add(new OptionItem(keyword, Validate(keyword, args, Where)));
                    break;
            }
        }

        return new SshConfigFile(items);
    }

    /// <summary>What the config says about <paramref name="host"/> (the alias as the user wrote it).</summary>
    public SshHostConfig Lookup(string host)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var identityFiles = new List<string>();
        Walk(this, host, neverMatch: false, found, identityFiles);
        string? One(string key) => found.TryGetValue(key, out var v) ? v[0] : null;
        return new SshHostConfig
        {
            HostName = One("hostname"),
            User = One("user"),
            Port = One("port") is { } port ? int.Parse(port, CultureInfo.InvariantCulture) : null,
            IdentityFiles = identityFiles,
            IdentitiesOnly = One("identitiesonly") is { } only ? IsYes(only) : null,
            ProxyJump = One("proxyjump"),
            ConnectTimeout = One("connecttimeout") is { } timeout ? ParseTime(timeout) : null,
            KexAlgorithms = One("kexalgorithms"),
            HostKeyAlgorithms = One("hostkeyalgorithms"),
            ServerAliveInterval = One("serveraliveinterval") is { } interval ? ParseTime(interval) : null,
            ServerAliveCountMax = One("serveralivecountmax") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : null,
            StrictHostKeyChecking = One("stricthostkeychecking")?.ToLowerInvariant() switch
            {
                null => null,
                "yes" or "true" => "yes",
                "no" or "off" or "false" => "no",
                var other => other,
            },
            UserKnownHostsFiles = found.TryGetValue("userknownhostsfile", out var files) ? files : [],
        };
    }

    private static void Walk(SshConfigFile file, string host, bool neverMatch, Dictionary<string, List<string>> found, List<string> identityFiles)
    {
        var active = !neverMatch;
        foreach (var item in file._items)
        {
            switch (item)
            {
                case HostItem h:
                    active = !neverMatch && SshHostPattern.MatchesList(h.Patterns, host);
                    break;
                case MatchItem m:
                    active = !neverMatch && m.All;
                    break;
                case IncludeItem include:
                    foreach (var included in include.Files)
                    {
                        Walk(included, host, !active, found, identityFiles);
                    }

                    break;
                case OptionItem { Key: "identityfile" } o when active:
                    identityFiles.Add(o.Args[0]);
                    break;
                case OptionItem o when active:
                    found.TryAdd(o.Key, o.Args);
                    break;
            }
        }
    }

    private static List<string> Validate(string keyword, List<string> args, Func<string> where)
    {
        var value = args[0];
        var ok = keyword switch
        {
            "port" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535,
            "identitiesonly" => value.ToLowerInvariant() is "yes" or "no" or "true" or "false",
            "stricthostkeychecking" => value.ToLowerInvariant() is "yes" or "no" or "ask" or "accept-new" or "off" or "true" or "false",
            "connecttimeout" or "serveraliveinterval" => ParseTime(value) is not null,
            "serveralivecountmax" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            _ => true,
        };
        return ok ? args : throw new FormatException($"{where()}: bad value '{value}' for {keyword}.");
    }

    private static bool IsYes(string value) => value.ToLowerInvariant() is "yes" or "true";

    /// <summary>OpenSSH's time format: seconds, or a sum of numbers with s, m, h, d, w suffixes (<c>1m30s</c>).</summary>
    private static TimeSpan? ParseTime(string text)
    {
        var total = 0L;
        var number = -1L;
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                number = (Math.Max(number, 0) * 10) + (c - '0');
                if (number > int.MaxValue)
                {
                    return null;
                }

                continue;
            }

            var unit = c switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, 'w' => 604800, _ => 0 };
            if (unit == 0 || number < 0)
            {
                return null;
            }

            total += number * unit;
            number = -1;
        }

        return text.Length == 0 ? null : TimeSpan.FromSeconds(total + Math.Max(number, 0));
    }

    /// <summary>Splits a line into words: <c>Key value</c> or <c>Key=value</c>; double quotes group; <c>#</c> starts a comment.</summary>
    private static List<string> Split(string line, string name, int number)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]) || (words.Count == 1 && line[i] == '=' && i > 0))
            {
                i++;
                continue;
            }

            if (line[i] == '#')
            {
                break;
            }

            var word = new System.Text.StringBuilder();
            var quoted = false;
            for (; i < line.Length && (quoted || !(char.IsWhiteSpace(line[i]) || (words.Count == 0 && line[i] == '='))); i++)
            {
                if (line[i] == '"')
                {
                    quoted = !quoted;
                }
                else
                {
                    word.Append(line[i]);
                }
            }

            if (quoted)
            {
                throw new FormatException($"{name} line {number}: unbalanced quotes.");
            }

            words.Add(word.ToString());
        }

        return words;
    }

    private static SshConfigFile Load(string path, string sshDirectory, string homeDirectory, ICollection<string> warnings, int depth)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        return Parse(path, File.ReadAllLines(path), IncludedFiles, warnings);

        IEnumerable<SshConfigFile> IncludedFiles(string pattern)
        {
            if (depth >= MaxIncludeDepth)
            {
                throw new FormatException($"{path}: Include nested more than {MaxIncludeDepth} deep.");
            }

            var full = SshTokens.ExpandTilde(pattern, homeDirectory);
            full = System.IO.Path.IsPathRooted(full) ? full : System.IO.Path.Combine(sshDirectory, full);
            return Glob(full).Select(f => Load(f, sshDirectory, homeDirectory, warnings, depth + 1)).ToList();
        }
    }

    /// <summary>The files a path with <c>*</c>/<c>?</c> in any of its parts names, in lexical order.</summary>
    internal static IEnumerable<string> Glob(string path)
    {
        var parts = path.Split('/');
        IEnumerable<string> current = [parts[0].Length == 0 ? "/" : parts[0]];
        foreach (var part in parts.Skip(1).Where(p => p.Length > 0))
        {
            current = part.IndexOfAny(['*', '?']) < 0
                ? current.Select(c => System.IO.Path.Combine(c, part))
                : current.Where(Directory.Exists)
                    .SelectMany(c => Directory.EnumerateFileSystemEntries(c).Where(e => SshHostPattern.Matches(part, System.IO.Path.GetFileName(e))))
                    .Order(StringComparer.Ordinal).ToList();
        }

        return current.Where(File.Exists);
    }

    private abstract record Item;

    private sealed record HostItem(List<string> Patterns) : Item;

    private sealed record MatchItem(bool All) : Item;

    private sealed record IncludeItem(List<SshConfigFile> Files) : Item;

    private sealed record OptionItem(string Key, List<string> Args) : Item;
}
