// Fabric as a library: a Connection to the first host, then a Group of all of them in parallel.
//   dotnet run -- --user deploy -i ~/.ssh/deploy_ed25519 --known-hosts known_hosts web1 web2 web3
// Prints each host's result; exits 1 when any host failed, 2 on a bad command line.
using Fabric;
using LibraryExample;

if (ExampleArguments.Parse(args) is not { } arguments)
{
    Console.Error.WriteLine(ExampleArguments.Usage);
    return 2;
}

var options = new ConnectionOptions
{
    User = arguments.User,
    KeyFiles = arguments.KeyFiles,
    KnownHostsFile = arguments.KnownHostsFile,
    RejectUnknownHosts = arguments.KnownHostsFile is not null, // a known_hosts file given: only the hosts it names
    Output = arguments.Verbose ? Console.Out : null,
};
var failed = false;

// One host: a few operations on one SSH connection, closed at the end of the block.
await using (var first = new Connection(arguments.Hosts[0], options))
{
    try
    {
        var who = await first.RunAsync("whoami");
        await first.PutAsync(new MemoryStream("hello from Fabric\n"u8.ToArray()), "fabric-library-example.txt", mode: "0600");
        var echoed = await first.RunAsync("cat fabric-library-example.txt && rm fabric-library-example.txt");
        var missing = await first.RunAsync("test -e fabric-library-example.txt", warnOnly: true);
        Console.WriteLine($"{first.Host}: logged in as {who.Stdout}; uploaded and read back '{echoed.Stdout}'; removed: {missing.Failed}");
    }
    catch (AbortException e)
    {
        // One readable line naming the host and the cause: unreachable, refused, or a command that failed.
        Console.WriteLine($"{first.Host}: FAILED: {e.Message}");
        failed = true;
    }
}

// Every host at once: one result or one error per host; a failure on one never stops the others.
await using (var all = new Group(arguments.Hosts, options, poolSize: 10))
{
    var results = await all.RunAsync(arguments.Command);
    foreach (var host in results)
    {
        Console.WriteLine(host.Succeeded ? $"{host.Host}: ok: {host.Value!.Stdout}" : $"{host.Host}: FAILED: {host.Error}");
    }

    Console.WriteLine(results.Describe());
    failed |= !results.AllSucceeded;
}

return failed ? 1 : 0;
