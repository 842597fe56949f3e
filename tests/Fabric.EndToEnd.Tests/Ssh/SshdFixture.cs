using System.Diagnostics;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Ssh;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>
/// A private <c>sshd</c> for the SSH tests: its own config, host keys (Ed25519, RSA, ECDSA) and client keys in a temp folder, listening on one
/// port on 127.0.0.2–127.0.0.6 (each address a "host"), <c>LogLevel VERBOSE</c> to a log file so tests can count
/// connections. Creates (idempotently) the test user <c>fabtest</c> with a password and a sudoers drop-in under which
/// <c>fabtest</c> needs that password, and <c>fabops</c>, whose sudo needs none: the account tests log in as when
/// they are about something else (never root, whose shell start-up files are not the tests' to choose). Any account
/// logs in with the fixture's client key. Never touches the running user's <c>~/.ssh</c>.
/// </summary>
public sealed class SshdFixture : IDisposable
{
    public const string TestUser = "fabtest";
    public const string TestUserPassword = "fab-Test-pw-7391";
    /// <summary>The account tests log in as by default: sudo without a password, as an operator's account has.</summary>
    public const string OpsUser = "fabops";
    public const string KeyPassphrase = "fab-key-phrase-4417";
    public const int HostCount = 5;
    private const string SudoersFile = "/etc/sudoers.d/fabric-tests";
    private readonly int _pid;

    public SshdFixture()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fabric-sshd-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        Exec("chmod", "755", Directory);
        EnsureTestUser();
        Hosts.TestAccounts.Ensure(OpsUser, "/bin/bash", withPassword: true);
        Hosts.TestAccounts.EnsureSudoers("fabric-tests-" + OpsUser, $"{OpsUser} ALL=(ALL:ALL) NOPASSWD: ALL");
        Exec("chown", OpsUser + ":", Directory); // tests write their remote files and markers here as OpsUser

        HostKey = Keygen("host_ed25519", "ed25519", "");
        RsaHostKey = Keygen("host_rsa", "rsa", "");
        EcdsaHostKey = Keygen("host_ecdsa", "ecdsa", "");
        OtherHostKey = Keygen("other_host_ed25519", "ed25519", "");
        ClientKey = Keygen("client_ed25519", "ed25519", "");
        EncryptedClientKey = Keygen("client_encrypted", "ed25519", KeyPassphrase);
        WrongClientKey = Keygen("wrong_ed25519", "ed25519", "");
        var authorized = Path("authorized_keys");
        File.WriteAllText(authorized, File.ReadAllText(ClientKey + ".pub") + File.ReadAllText(EncryptedClientKey + ".pub"));
        Exec("chmod", "644", authorized);

        Port = SshdProcess.FreePort(Address(0));
        LogFile = Path("sshd.log");
        var config = Path("sshd_config");
        var listen = string.Concat(Enumerable.Range(0, HostCount).Select(i => $"ListenAddress {Address(i)}:{Port}\n"));
        File.WriteAllText(config, $"""
            {listen}HostKey {HostKey}
            HostKey {RsaHostKey}
            HostKey {EcdsaHostKey}
            PidFile {Path("sshd.pid")}
            AuthorizedKeysFile {authorized}
            StrictModes no
            UsePAM yes
            PermitRootLogin no
            PubkeyAuthentication yes
            PasswordAuthentication yes
            KbdInteractiveAuthentication yes
            MaxStartups 200:30:400
            MaxSessions 50
            LogLevel VERBOSE
            PrintMotd no
            Subsystem sftp internal-sftp

            """);
        System.IO.Directory.CreateDirectory("/run/sshd");
        Exec("/usr/sbin/sshd", "-f", config, "-E", LogFile);
        _pid = SshdProcess.WaitForPid(Path("sshd.pid"));
        for (var i = 0; i < HostCount; i++)
        {
            SshdProcess.WaitUntilAccepting(Address(i), Port);
        }
    }

    public string Directory { get; }

    public int Port { get; }

    public string LogFile { get; }

    /// <summary>The server's host key (private; <c>.pub</c> beside it): Ed25519, the one a client picks first.</summary>
    public string HostKey { get; }

    /// <summary>The server's RSA host key: for hosts whose known_hosts entry is only their RSA key.</summary>
    public string RsaHostKey { get; }

    /// <summary>The server's ECDSA (P-256) host key.</summary>
    public string EcdsaHostKey { get; }

    /// <summary>A host key the server does not use: for "changed host key" entries.</summary>
    public string OtherHostKey { get; }

    public string ClientKey { get; }

    public string EncryptedClientKey { get; }

    public string WrongClientKey { get; }

    /// <summary>A new temporary folder (named <paramref name="prefix"/>…) owned by <see cref="OpsUser"/>, for a test's remote side.</summary>
    public static string OpsFolder(string prefix)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
        Exec("chown", OpsUser + ":", folder);
        return folder;
    }

    /// <summary>The address of test host <paramref name="index"/> (0-based): 127.0.0.2, 127.0.0.3, …</summary>
    public static string Address(int index) => $"127.0.0.{2 + index}";

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>A host string for test host <paramref name="index"/>, written <c>[user@]127.0.0.N:port</c>.</summary>
    internal HostString Host(int index, string? user = null)
    {
        var original = (user is null ? "" : user + "@") + $"{Address(index)}:{Port}";
        return new HostString(original, user, Address(index), Port);
    }

    /// <summary>
    /// A frame for running an operation on test host <paramref name="index"/> as <paramref name="user"/>; the host
    /// string names the user only when it is not <see cref="OpsUser"/> (as <c>-u fabops</c> would leave it bare).
    /// </summary>
    internal ExecutionFrame Frame(int index, string user = OpsUser, string task = "t") => new(task, Host(index, user == OpsUser ? null : user), user, Port);

    /// <summary>
    /// SSH options using the fixture's client key and a fresh known_hosts file of the test's own; no agent, and a home
    /// folder of the fixture's (no ssh config in it), so the running user's <c>~/.ssh</c> and agent are never used.
    /// </summary>
    internal SshOptions Options() => new()
    {
        KeyFiles = [ClientKey],
        UseDefaultKeyFiles = false,
        UseAgent = false,
        HomeDirectory = Path("home"),
        KnownHostsFile = Path($"known_hosts-{Guid.NewGuid():N}"),
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    internal static RunContext Context(CollectingOutputSink sink, SshOptions options, ISecretPrompt? prompt = null) =>
        new(sink) { Ssh = options, SecretPrompt = prompt };

    /// <summary>The known_hosts line for this server's real key on test host <paramref name="index"/>.</summary>
    public string KnownHostsLine(int index, string? keyFile = null)
    {
        var parts = File.ReadAllText((keyFile ?? HostKey) + ".pub").Split(' ');
        return $"[{Address(index)}]:{Port} {parts[0]} {parts[1].Trim()}";
    }

    /// <summary>How many connections the server has accepted on test host <paramref name="index"/> so far.</summary>
    public int ConnectionsTo(int index) => SshdProcess.LogLines(LogFile).Count(l => l.Contains($" on {Address(index)} port {Port}", StringComparison.Ordinal));

    /// <summary>How many public-key logins the server has accepted so far (all hosts).</summary>
    public int AcceptedPublicKeyLogins() => SshdProcess.LogLines(LogFile).Count(l => l.Contains("Accepted publickey", StringComparison.Ordinal));

    /// <summary>
    /// How many logins the server accepted on test host <paramref name="index"/>: the log names the address only on
    /// the "Connection from" line, so logins are matched to it by the client's port.
    /// </summary>
    public int LoginsTo(int index)
    {
        var lines = SshdProcess.LogLines(LogFile);
        var clients = lines
            .Where(l => l.StartsWith("Connection from ", StringComparison.Ordinal) && l.Contains($" on {Address(index)} port {Port} ", StringComparison.Ordinal))
            .Select(l => string.Join(' ', l.Split(' ')[2..5]) + " ")
            .ToHashSet(StringComparer.Ordinal);
        return lines.Count(l => l.StartsWith("Accepted ", StringComparison.Ordinal) && l.Contains(" for ", StringComparison.Ordinal)
            && clients.Any(c => l.Contains(" from " + c, StringComparison.Ordinal)));
    }

    /// <summary>The server's per-connection processes still running (<c>sshd: fabops@notty</c>, …): its open connections.</summary>
    public IReadOnlyList<string> OpenSessions() => ProcessTable.Children(_pid);

    /// <summary>Waits (at most 10 s) until the server has no open connection left, and returns those still open then.</summary>
    public Task<IReadOnlyList<string>> SessionsLeftAsync() => ProcessTable.UntilNoneAsync(OpenSessions);

    public string Log() => string.Join('\n', SshdProcess.LogLines(LogFile));

    public void Dispose()
    {
        try
        {
            Exec("kill", _pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Runs a program, waits, and returns its stdout; throws when it fails.</summary>
    public static string Exec(string program, params string[] args) => ExecWithInput(program, null, args);

    public static string ExecWithInput(string program, string? input, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        }

        return stdout.Result;
    }

    private static void EnsureTestUser()
    {
        if (!File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith(TestUser + ":", StringComparison.Ordinal)))
        {
            Exec("useradd", "--create-home", "--shell", "/bin/bash", TestUser);
        }

        ExecWithInput("chpasswd", $"{TestUser}:{TestUserPassword}\n");
        var rule = $"# Created by the Fabric for .NET SSH tests.\n{TestUser} ALL=(ALL:ALL) ALL\n";
        if (!File.Exists(SudoersFile) || File.ReadAllText(SudoersFile) != rule)
        {
            var staged = SudoersFile + ".new";
            File.WriteAllText(staged, rule);
            Exec("chmod", "440", staged);
            Exec("visudo", "-cf", staged);
            File.Move(staged, SudoersFile, overwrite: true);
        }
    }

    private string Keygen(string name, string type, string passphrase)
    {
        var file = Path(name);
        Exec("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "fabric-tests", "-f", file);
        Exec("chmod", "600", file);
        return file;
    }

}
