using System.Globalization;
using Fabric;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;

// Usage: Fabric.Bench run|put|get|put-size|get-size|stream HOST PORT USER KEY KNOWN_HOSTS ARG1 [ARG2]
//   run: ARG1 = how many sequential Run("true") over one connection
//   stream: ARG1 = bytes a remote `head -c ARG1 /dev/zero` prints, read through the transport (IRemoteCommand) and dropped;
//           ARG2 = a pause in ms after each chunk read (a slow reader; default 0); prints seconds, MB/s and peak memory
//   put: ARG1 = local file, ARG2 = remote path;  get: ARG1 = remote path, ARG2 = local path
//   put-size, get-size: the same with verify: false (size check only, no SHA-256), to show what the hash costs
if (args.Length < 7)
{
    await Console.Error.WriteLineAsync("usage: Fabric.Bench run|put|get|put-size|get-size HOST PORT USER KEY KNOWN_HOSTS ARG1 [ARG2]");
    return 2;
}

var (mode, host, port, user) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
// FABRIC_BENCH_DEBUG=1 prints the --show debug lines on stderr (where a transfer's time went), for a look by hand.
var debug = Environment.GetEnvironmentVariable("FABRIC_BENCH_DEBUG") == "1";
var context = new RunContext(new TextWriterOutputSink(debug ? Console.Error : TextWriter.Null))
{
    OutputGroups = debug ? System.Collections.Immutable.ImmutableDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, bool>("debug", true)]) : System.Collections.Immutable.ImmutableDictionary<string, bool>.Empty,
    Ssh = new SshOptions { KeyFiles = [args[4]], UseDefaultKeyFiles = false, KnownHostsFile = args[5], RejectUnknownHosts = true },
};
using (Ambient.Enter(context))
using (Ambient.Enter(new ExecutionFrame("bench", new HostString($"{host}:{port}", null, host, port), user, port)))
{
    try
    {
        switch (mode)
        {
            case "run":
                for (var i = 0; i < int.Parse(args[6], CultureInfo.InvariantCulture); i++)
                {
                    await Api.RunAsync("true");
                }

                break;
            case "stream":
                await StreamBench.RunAsync(context, new ConnectionTarget($"{host}:{port}", host, user, port), long.Parse(args[6], CultureInfo.InvariantCulture),
                    args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : 0);
                break;
            case "put":
                await Api.PutAsync(args[6], args[7]);
                break;
            case "get":
                await Api.GetAsync(args[6], args[7]);
                break;
            case "put-size":
                await Api.PutAsync(args[6], args[7], verify: false);
                break;
            case "get-size":
                await Api.GetAsync(args[6], args[7], verify: false);
                break;
            default:
                await Console.Error.WriteLineAsync($"unknown mode {mode}");
                return 2;
        }
    }
    finally
    {
        await context.Connections.CloseAllAsync();
    }
}

return 0;
