using System.Diagnostics;
using Fabric.EndToEnd.Tests.Infrastructure;

namespace Fabric.EndToEnd.Tests.Execution;

/// <summary>The bash completion script, sourced into a real bash, completing from the real tool.</summary>
[Collection(PrecedenceSuite.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CompletionTests(PrecedenceFabfile fabfile) : IDisposable
{
    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("fab-completion-");

    [Fact]
    public async Task Bash_completes_task_names_of_the_fabfile_and_options_for_dotnet_fab_and_dotnet_space_fab()
    {
        var launcher = Path.Combine(_bin.FullName, "dotnet-fab");
        await File.WriteAllTextAsync(launcher, $"#!/bin/sh\nexec '{FabTool.DotnetHost}' '{Path.Combine(AppContext.BaseDirectory, "dotnet-fab.dll")}' \"$@\"\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var folder = PrecedenceFabfile.Folder;

        var output = await Bash($$"""
            source <(dotnet-fab --completion bash)
            COMP_WORDS=(dotnet-fab -f '{{folder}}' ta); COMP_CWORD=3; _dotnet_fab_complete; echo "tasks: ${COMPREPLY[*]}"
            COMP_WORDS=(dotnet fab -f '{{folder}}' db); COMP_CWORD=4; _dotnet_fab_dotnet; echo "dotnet fab: ${COMPREPLY[*]}"
            COMP_WORDS=(dotnet-fab --dry); COMP_CWORD=1; _dotnet_fab_complete; echo "options: ${COMPREPLY[*]}"
            COMP_WORDS=(dotnet-fab --list-format j); COMP_CWORD=2; _dotnet_fab_complete; echo "formats: ${COMPREPLY[*]}"
            """);

        Assert.Contains("tasks: task-a task-b", output, StringComparison.Ordinal);
        Assert.Contains("dotnet fab: db.migrate", output, StringComparison.Ordinal);
        Assert.Contains("options: --dry-run", output, StringComparison.Ordinal);
        Assert.Contains("formats: json", output, StringComparison.Ordinal);
        Assert.NotNull(fabfile.WarmUp);
    }

    public void Dispose() => _bin.Delete(recursive: true);

    private async Task<string> Bash(string script)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = _bin.FullName + ":" + Environment.GetEnvironmentVariable("PATH");
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();
        return output + await bash.StandardError.ReadToEndAsync();
    }
}
