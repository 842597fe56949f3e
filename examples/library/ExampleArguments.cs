namespace LibraryExample;

/// <summary>The example's command line: <c>[--user U] [-i KEY]… [--known-hosts FILE] [-c COMMAND] [-v] HOST…</c>.</summary>
internal sealed record ExampleArguments(string? User, IReadOnlyList<string> KeyFiles, string? KnownHostsFile, string Command, bool Verbose, IReadOnlyList<string> Hosts)
{
    public const string Usage =
        "usage: fabric-library-example [--user USER] [-i KEY_FILE]... [--known-hosts FILE] [-c COMMAND] [-v] HOST...\n"
        + "  Runs a few commands on the first host with a Connection, then COMMAND (default: uname -n) on every host with a Group.\n"
        + "  -v shows Fabric's own output lines ([host] run: …, [host] out: …).";

    /// <summary>The arguments, or null when they make no sense (the caller prints <see cref="Usage"/>).</summary>
    public static ExampleArguments? Parse(IReadOnlyList<string> args)
    {
        string? user = null, knownHosts = null;
        var command = "uname -n";
        var verbose = false;
        var keys = new List<string>();
        var hosts = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var hasValue = i + 1 < args.Count;
            switch (args[i])
            {
                case "--user" when hasValue:
                    user = args[++i];
                    break;
                case "-i" when hasValue:
                    keys.Add(args[++i]);
                    break;
                case "--known-hosts" when hasValue:
                    knownHosts = args[++i];
                    break;
                case "-c" when hasValue:
                    command = args[++i];
                    break;
                case "-v":
                    verbose = true;
                    break;
                case var option when option.StartsWith('-'):
                    return null;
                default:
                    hosts.Add(args[i]);
                    break;
            }
        }

        return hosts.Count == 0 ? null : new ExampleArguments(user, keys, knownHosts, command, verbose, hosts);
    }
}
