using System.Globalization;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// A client key authorized in a test account's own <c>~/.ssh/authorized_keys</c> (Dropbear and tinysshd read no other
/// file) while the fixture lives. The line carries this test process's id, so several test runs at once each add and
/// remove their own line, and the lines of runs that were killed are dropped by the next one. Never the running user's.
/// </summary>
internal sealed class AuthorizedKey : IDisposable
{
    private const string Tag = "fabric-tests-pid=";
    private readonly string _file;
    private readonly string _line;
    private readonly string _account;

    /// <param name="account">The test account (its home holds the file).</param>
    /// <param name="publicKeyFile">A <c>.pub</c> made by <see cref="Comment"/>'s <c>ssh-keygen -C</c>.</param>
    public AuthorizedKey(string account, string publicKeyFile)
    {
        var folder = Path.Combine(TestAccounts.Home(account), ".ssh");
        Directory.CreateDirectory(folder);
        _file = Path.Combine(folder, "authorized_keys");
        _account = account;
        _line = File.ReadAllText(publicKeyFile).Trim();
        Edit(lines => [.. lines.Where(IsLive), _line]);
        SshdFixture.Exec("chown", $"{account}:", folder);
        SshdFixture.Exec("chmod", "700", folder);
    }

    /// <summary>The <c>ssh-keygen -C</c> comment that marks a key line as this process's.</summary>
    public static string Comment { get; } = Tag + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => Edit(lines => [.. lines.Where(l => l != _line)]);

    /// <summary>Other lines stay; a line of ours stays while the test process that added it runs.</summary>
    private static bool IsLive(string line)
    {
        var at = line.LastIndexOf(Tag, StringComparison.Ordinal);
        return at < 0 || !int.TryParse(line[(at + Tag.Length)..], out var pid) || Directory.Exists($"/proc/{pid}");
    }

    private void Edit(Func<string[], string[]> change)
    {
        using var held = Lock(_file + ".fabric-tests-lock");
        var lines = File.Exists(_file) ? File.ReadAllLines(_file).Where(l => l.Length > 0).ToArray() : [];
        var edited = change(lines);
        var staged = _file + ".new-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllLines(staged, edited);
        // Dropbear refuses a file others may write; both servers want it the account's (or root's).
        SshdFixture.Exec("chmod", "600", staged);
        SshdFixture.Exec("chown", $"{_account}:", staged);
        File.Move(staged, _file, overwrite: true);
    }

    /// <summary>An exclusive hold on <paramref name="path"/> (.NET takes an flock for <see cref="FileShare.None"/>), waited for 10 s at most.</summary>
    private static FileStream Lock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 400)
            {
                Thread.Sleep(25);
            }
        }
    }
}
