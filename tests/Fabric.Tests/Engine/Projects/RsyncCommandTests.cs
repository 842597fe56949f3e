using System.Diagnostics;
using Fabric.Engine.Projects;
using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Projects;

/// <summary>
/// The command line <c>RsyncProject</c> runs, built from plain data and run for real through bash and this machine's rsync,
/// with a stand-in <c>ssh</c> first on PATH that records the arguments it was given: what ssh would really get, however the
/// quoting went. No SSH is involved.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RsyncCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fabric-rsync-cmd-").FullName;

    private static SshRoute Route(SshRoute? via = null, string keys = "/keys/id one", HostKeyPolicy policy = HostKeyPolicy.AcceptNew) => new(
        "web1", "10.0.0.5", "deploy", 2222, [keys, "/keys/it's %h"], IdentitiesOnly: false, AgentSocket: null, ConfigFile: "/cfg/my config",
        KnownHostsFile: "/kh/known hosts", policy, TimeSpan.FromSeconds(7), via);

    private static RsyncRequest Request(bool upload = true) =>
        new("my project/", "/srv/app dir", ["*.log", "it's \"quoted\""], Delete: true, "--checksum", "", upload, "-pthrvz");

    [Fact]
    public void Ssh_gets_each_option_of_the_run_as_one_argument_whatever_its_characters()
    {
        var ssh = SshArguments(RsyncCommand.Build(Request(), Route()));

        Assert.Equal(
            ["-F", "/cfg/my config", "-o", "BatchMode=yes", "-l", "deploy", "-p", "2222",
             "-o", "IdentityFile=\"/keys/id one\"", "-o", "IdentityFile=\"/keys/it's %%h\"", "-o", "IdentityAgent=none",
             "-o", "UserKnownHostsFile=\"/kh/known hosts\"", "-o", "StrictHostKeyChecking=accept-new", "-o", "ConnectTimeout=7",
             "-o", "ProxyJump=none"],
            ssh.TakeWhile(a => a != "web1"));
        Assert.Equal("web1", ssh[ssh.IndexOf("web1")]);
    }

    [Fact]
    public void Rsync_gets_delete_each_exclude_literally_the_options_and_both_paths_with_their_spaces()
    {
        var rsync = RsyncArguments(RsyncCommand.Build(Request(), Route()));

        Assert.Equal(["--delete", "--exclude=*.log", "--exclude=it's \"quoted\"", "-pthrvz", "--checksum", "-e"], rsync.Take(6));
        Assert.Equal(["my project/", "web1:/srv/app dir"], rsync[^2..]);
    }

    [Fact]
    public void A_download_swaps_the_paths()
    {
        var rsync = RsyncArguments(RsyncCommand.Build(Request(upload: false), Route()));

        Assert.Equal(["web1:/srv/app dir", "my project/"], rsync[^2..]);
    }

    [Fact]
    public void Host_key_policies_map_to_strict_host_key_checking()
    {
        Assert.Contains("StrictHostKeyChecking=yes", SshArguments(RsyncCommand.Build(Request(), Route(policy: HostKeyPolicy.Reject))));
        var off = SshArguments(RsyncCommand.Build(Request(), Route(policy: HostKeyPolicy.Off)));
        Assert.Contains("StrictHostKeyChecking=no", off);
        Assert.Contains("UserKnownHostsFile=/dev/null", off);
    }

    [Fact]
    public void The_users_ssh_options_come_first_so_that_they_win()
    {
        var ssh = SshArguments(RsyncCommand.Build(Request() with { SshOpts = "-o Compression=yes -v" }, Route()));

        Assert.Equal(["-o", "Compression=yes", "-v", "-F"], ssh.Take(4));
    }

    [Fact]
    public void A_jump_host_is_a_proxy_command_running_ssh_with_its_own_settings()
    {
        var gateway = new SshRoute("gw", "gw.internal", "jump", 22, ["/keys/gw key"], true, "/run/agent %sock", null, "/kh/known hosts", HostKeyPolicy.Reject, TimeSpan.FromSeconds(5), null);

        var ssh = SshArguments(RsyncCommand.Build(Request(), Route(via: gateway)));
        var proxy = ssh[ssh.IndexOf("-o", ssh.FindIndex(a => a.StartsWith("ProxyCommand=", StringComparison.Ordinal)) - 1) + 1]["ProxyCommand=".Length..];

        // ssh turns %% into % in a ProxyCommand, then runs it with the shell.
        var inner = ArgumentsOf("sh", ["-c", "exec " + proxy.Replace("%%", "%", StringComparison.Ordinal)]);
        Assert.Equal(
            ["-F", "none", "-o", "BatchMode=yes", "-l", "jump", "-p", "22", "-o", "IdentityFile=\"/keys/gw key\"", "-o", "IdentitiesOnly=yes",
             "-o", "IdentityAgent=\"/run/agent %%sock\"", "-o", "UserKnownHostsFile=\"/kh/known hosts\"", "-o", "StrictHostKeyChecking=yes",
             "-o", "ConnectTimeout=5", "-o", "ProxyJump=none", "-W", "[10.0.0.5]:2222", "gw"],
            inner);
    }

    [Fact]
    public void An_ipv6_host_is_bracketed_for_rsync()
    {
        var rsync = RsyncArguments(RsyncCommand.Build(Request(), Route() with { Alias = "::1" }));

        Assert.Equal("[::1]:/srv/app dir", rsync[^1]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    public void Rsync_words_use_rsyncs_own_quoting(string word, string expected) => Assert.Equal(expected, RsyncCommand.RsyncWord(word));

    [Fact]
    public void Rsync_failures_that_mean_something_are_explained()
    {
        static CommandResult Failed(int code, string stderr) => new() { Kind = "local", Command = "rsync", ExecutedCommand = "rsync", ExitCode = code, StderrCapture = Capture(stderr) };

        Assert.Equal(
            "rsync_project: rsync is not installed on web1 (bash: line 1: rsync: command not found); install it there, or use UploadProject.",
            ProjectRsync.Explain(Failed(127, "bash: line 1: rsync: command not found\nrsync: connection unexpectedly closed (0 bytes received so far) [sender]\nrsync error: remote command not found (code 127)"), "web1", false));
        Assert.Equal(
            "rsync_project: ssh from this machine to web1 failed: deploy@web1: Permission denied (publickey,password). The run logs in with a password, which ssh cannot reuse: give a key file (Env.KeyFilenames) the host accepts, or load one into the ssh-agent.",
            ProjectRsync.Explain(Failed(255, "deploy@web1: Permission denied (publickey,password).\nrsync: connection unexpectedly closed"), "web1", true));
        Assert.Null(ProjectRsync.Explain(Failed(23, "rsync: some files could not be transferred"), "web1", false));
    }

    private static Fabric.Engine.Output.OutputCapture Capture(string text)
    {
        var capture = new Fabric.Engine.Output.OutputCapture();
        foreach (var line in text.Split('\n'))
        {
            capture.AppendLine(line);
        }

        return capture;
    }

    /// <summary>The arguments a stand-in <c>ssh</c> got when <paramref name="command"/> ran (rsync then fails, as intended).</summary>
    private List<string> SshArguments(string command) => Recorded("ssh", command);

    /// <summary>The arguments a stand-in <c>rsync</c> got from bash.</summary>
    private List<string> RsyncArguments(string command) => Recorded("rsync", command);

    private List<string> Recorded(string program, string command)
    {
        var bin = Path.Combine(_folder, "bin-" + program);
        Directory.CreateDirectory(bin);
        var record = Path.Combine(_folder, program + ".args");
        File.Delete(record);
        var stub = Path.Combine(bin, program);
        File.WriteAllText(stub, $"#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > '{record}'\nexit 1\n");
        File.SetUnixFileMode(stub, (UnixFileMode)0x1ED);
        Run("/bin/bash", ["-c", command], bin);
        Assert.True(File.Exists(record), $"{program} was not run by: {command}");
        return [.. File.ReadAllText(record).Split('\0')[..^1]];
    }

    private List<string> ArgumentsOf(string shell, string[] args)
    {
        var bin = Path.Combine(_folder, "bin-ssh");
        var record = Path.Combine(_folder, "ssh.args");
        File.Delete(record);
        Run(shell, args, bin);
        return [.. File.ReadAllText(record).Split('\0')[..^1]];
    }

    private void Run(string program, string[] args, string bin)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _folder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "timed out");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
