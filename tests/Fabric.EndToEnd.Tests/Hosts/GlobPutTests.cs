namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// <c>Put("keys/*.pub", "~/.ssh/authorized_keys")</c> with two matches, a real task of a public deployment fabfile: the
/// target is a file (or nothing), not a folder. Exactly two outcomes are right: Fabric 1.x's, each match written to that
/// path in turn (the last one in name order is what stays), or a refusal, one line naming the host and the target,
/// before anything is written. Making a folder of that path (the file users log in with) is wrong either way.
/// </summary>
[Collection(RealHostsGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GlobPutTests(RealHosts hosts) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>What a refusal must say: why two files cannot go to that path.</summary>
    private static readonly Cause NotAFolder = new("that several files matched for a target that is not a folder", "folder", "directory", "several", "matches", "2 files");

    private readonly string _local = Directory.CreateTempSubdirectory("fabric-xfer-globput-").FullName;

    public void Dispose() => Directory.Delete(_local, recursive: true);

    [Theory]
    [InlineData("Dropbear with an SFTP server", true)]
    [InlineData("Dropbear with an SFTP server", false)]
    [InlineData("Dropbear without an SFTP server", true)]
    [InlineData("Dropbear without an SFTP server", false)]
    public async Task Two_matches_to_a_path_that_is_not_a_folder_go_there_in_turn_or_are_refused_before_anything_is_written(string target, bool targetExists)
    {
        var row = TransferMatrix.Find(target);
        var host = row.Host(hosts);
        using var server = new AccountFolder(host.User);
        var keys = Directory.CreateDirectory(Path.Combine(_local, "keys")).FullName;
        File.WriteAllText(Path.Combine(keys, "one.pub"), "ssh-ed25519 AAAAone one@example\n");
        var last = Path.Combine(keys, "two.pub");
        File.WriteAllText(last, "ssh-ed25519 AAAAtwo two@example\n");
        var authorized = targetExists ? server.Write("authorized_keys", "ssh-ed25519 AAAAold old@example\n"u8.ToArray(), AccountFolder.Octal("600")) : server["authorized_keys"];
        var before = AccountFolder.Sha256(authorized);
        var run = new HostRun(host, () => row.Log(hosts));

        var result = await run.RunAsync(target, Timeout, $"upload:local={keys}/*.pub,remote={authorized}");

        var problems = new List<string>();
        if (Directory.Exists(authorized))
        {
            problems.Add($"it made a folder of {authorized}: {string.Join(", ", AccountFolder.Listing(authorized))}");
        }
        else if (result.ExitCode == 0)
        {
            ToolOutput.AddWorkProblems(problems, result, host);
            if (AccountFolder.Sha256(authorized) != AccountFolder.Sha256(last))
            {
                problems.Add("it worked, but the target does not hold two.pub, the last match (each match written there in turn)");
            }
        }
        else
        {
            ToolOutput.AddFailureProblems(problems, result, host, "authorized_keys", NotAFolder);
            if (AccountFolder.Sha256(authorized) != before)
            {
                problems.Add("it refused, but only after the target was written");
            }
        }

        var others = AccountFolder.Listing(server.Path).Where(e => !e.StartsWith("authorized_keys", StringComparison.Ordinal)).ToArray();
        if (others.Length > 0)
        {
            problems.Add($"left behind on the server: {string.Join(", ", others)}");
        }

        if (problems.Count > 0)
        {
            var expected = $"either exit 0 with {authorized} a file holding two.pub (Fabric 1.x: each match in turn), or exit 1 with one 'Fatal error:' line naming the host, the target and {NotAFolder} and the target as it was; never a folder";
            Assert.Fail(ToolOutput.Report(target, expected, problems, result, host, run.ServerLog()));
        }
    }
}
