namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// The real <c>dotnet fab</c> transferring files on the servers and accounts users really have
/// (<see cref="TransferMatrix"/>): each Put and Get works with a byte-identical copy and nothing else left on either side,
/// or fails with one line naming the host, the file and the reason, leaving both sides as they were; and never hangs.
/// </summary>
[Collection(RealHostsGroup.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TransferMatrixTests(RealHosts hosts)
{
    /// <summary>A few hundred KB each way: seconds at most even on a loaded machine; a case still running after this hangs.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string, TransferOperation> Cases => TransferMatrix.Rows();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Works_byte_identical_or_fails_with_one_line_naming_the_host_the_file_and_the_reason(string target, TransferOperation operation)
    {
        var row = TransferMatrix.Find(target);
        var host = row.Host(hosts);
        using var scene = new TransferScene(host.User, operation);
        var run = new HostRun(host, () => row.Log(hosts));
        var what = $"{target}, {operation}";

        var result = await run.RunAsync(what, Timeout, scene.Tasks);

        var problems = new List<string>();
        var reason = TransferMatrix.ExpectedFailure(row, operation);
        string expected;
        if (reason is null)
        {
            expected = "to work: exit 0, no error, and each copy byte-identical with nothing else left on either side";
            ToolOutput.AddWorkProblems(problems, result, host);
            scene.AddWorkProblems(problems);
        }
        else
        {
            expected = $"to fail: exit 1 and one 'Fatal error:' line naming {host.HostString}, the file {scene.File} and {reason}, with both sides as they were";
            ToolOutput.AddFailureProblems(problems, result, host, scene.File, reason);
            scene.AddFailureProblems(problems);
        }

        if (problems.Count > 0)
        {
            Assert.Fail(ToolOutput.Report(what, expected, problems, result, host, run.ServerLog()));
        }
    }
}
