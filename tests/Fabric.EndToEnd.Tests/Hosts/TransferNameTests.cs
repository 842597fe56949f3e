using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// File names users have, on each host where transfers work: UTF-8 beyond the BMP, spaces, quotes, <c>$</c>, backticks,
/// brackets, shell punctuation, a leading dash, and a local name holding <c>*</c> (a file that exists is taken
/// literally, not as a glob); each Put by its own path, then everything fetched back with a Get of <c>folder/*</c>, each
/// copy byte-identical. A name that is not valid UTF-8 is reported clearly.
/// </summary>
[Collection(RealHostsGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TransferNameTests(RealHosts hosts) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string[] Names =
    [
        "emoji 😀.txt", "with space.txt", "it's quoted.txt", "say \"hi\".txt", "price $HOME.txt", "back`tick`.txt",
        "[brackets].txt", "semi;colon & amp.txt", "-leading-dash.txt", "star*name.txt",
    ];

    private readonly string _local = Directory.CreateTempSubdirectory("fabric-xfer-names-").FullName;

    public static TheoryData<string> Working => [.. TransferMatrix.Working.Select(t => t.Name)];

    public static TheoryData<string> SftpAndNot => [TransferMatrix.DropbearSftp.Name, TransferMatrix.DropbearNoSftp.Name];

    public void Dispose() => Directory.Delete(_local, recursive: true);

    [Theory]
    [MemberData(nameof(Working))]
    public async Task Every_name_round_trips_byte_identical_and_a_local_name_with_a_star_is_taken_literally(string target)
    {
        var row = TransferMatrix.Find(target);
        var host = row.Host(hosts);
        using var server = new AccountFolder(host.User);
        var sent = Directory.CreateDirectory(Path.Combine(_local, "sent")).FullName;
        var back = Directory.CreateDirectory(Path.Combine(_local, "back")).FullName;
        var hashes = Names.ToDictionary(n => n, n => Write(Path.Combine(sent, n), AccountFolder.RandomBytes(20 * 1024)));
        var run = new HostRun(host, () => row.Log(hosts));

        var result = await run.RunAsync(target, Timeout, $"round-trip-each:local={sent},remote={server.Path},back={back}");

        var problems = new List<string>();
        ToolOutput.AddWorkProblems(problems, result, host);
        Compare(problems, "on the server", server.Path, hashes);
        Compare(problems, "fetched back", back, hashes);
        if (Directory.Exists(server["star*name.txt"]))
        {
            problems.Add("'star*name.txt' became a folder on the server (the local name was taken as a glob)");
        }

        if (problems.Count > 0)
        {
            Assert.Fail(ToolOutput.Report(target, "each name to round-trip byte-identical, exit 0, no error", problems, result, host, run.ServerLog()));
        }
    }

    [Theory]
    [MemberData(nameof(SftpAndNot))]
    public async Task A_remote_name_that_is_not_UTF8_is_reported_in_a_line_naming_the_host_and_UTF8(string target)
    {
        var row = TransferMatrix.Find(target);
        var host = row.Host(hosts);
        using var server = new AccountFolder(host.User);
        var plain = server.Write("plain.txt", AccountFolder.RandomBytes(1000), AccountFolder.Octal("644"));
        // "café.txt" in Latin-1 (é is the byte 0xE9): .NET cannot make such a name, a shell can.
        SshdFixture.Exec("sh", "-c", "printf 'latin-1 name\\n' > \"$1/$(printf 'caf\\351.txt')\" && chown \"$2:\" \"$1\"/caf*", "sh", server.Path, host.User);
        var back = Directory.CreateDirectory(Path.Combine(_local, "back")).FullName;
        var run = new HostRun(host, () => row.Log(hosts));

        var result = await run.RunAsync(target, Timeout, $"download:remote={server.Path}/*,local={back}/");

        var problems = new List<string>();
        ToolOutput.AddInsides(problems, result);
        var lines = result.StdoutLines.Concat(result.StderrLines).Where(l => l.Contains("UTF-8", StringComparison.Ordinal)).ToArray();
        if (lines.Length != 1 || !lines[0].Contains(host.HostString, StringComparison.Ordinal))
        {
            problems.Add($"{lines.Length} lines say 'UTF-8', not one that also names {host.HostString}");
        }

        var gotPlain = Path.Combine(back, "plain.txt");
        if (File.Exists(gotPlain) && AccountFolder.Sha256(gotPlain) != AccountFolder.Sha256(plain))
        {
            problems.Add("plain.txt came back different");
        }

        if (problems.Count > 0)
        {
            Assert.Fail(ToolOutput.Report(target, "one line naming the host that says the name 'caf\\xE9.txt' is not valid UTF-8 (any copy made byte-identical)", problems, result, host, run.ServerLog()));
        }
    }

    private static string Write(string file, byte[] content)
    {
        File.WriteAllBytes(file, content);
        return AccountFolder.Sha256(file);
    }

    private static void Compare(List<string> problems, string where, string folder, Dictionary<string, string> hashes)
    {
        var present = AccountFolder.Listing(folder);
        var missing = hashes.Keys.Where(n => !present.Contains(n)).ToArray();
        var different = hashes.Where(h => present.Contains(h.Key) && AccountFolder.Sha256(Path.Combine(folder, h.Key)) != h.Value).Select(h => h.Key).ToArray();
        var extra = present.Except(hashes.Keys).ToArray();
        foreach (var (what, names) in new[] { ("missing", missing), ("not byte-identical", different), ("unexpected", extra) })
        {
            if (names.Length > 0)
            {
                problems.Add($"{where}, {what}: {string.Join(" | ", names)}");
            }
        }
    }
}
