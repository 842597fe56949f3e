using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// The system set-up the real-host tests need, done idempotently under names of their own (<c>fab…</c> accounts,
/// <c>/etc/sudoers.d/fabric-tests-…</c> drop-ins): safe to run again, and alongside another test run on the machine.
/// </summary>
internal static class TestAccounts
{
    /// <summary>The password of every account that has one (for sudo, and for servers that log in with passwords).</summary>
    public const string Password = "fab-Hosts-pw-5820";

    /// <summary>Creates <paramref name="name"/> with <paramref name="shell"/> as its login shell, or sets that shell; gives it <see cref="Password"/> when asked.</summary>
    public static void Ensure(string name, string shell, bool withPassword)
    {
        var entry = PasswdEntry(name);
        if (entry is null)
        {
            try
            {
                WhileLocked(() => SshdFixture.Exec("useradd", "--create-home", "--shell", shell, name));
            }
            catch (InvalidOperationException) when (PasswdEntry(name) is not null)
            {
                // Another test run made it between our look and our useradd.
            }
        }
        else if (entry[6] != shell)
        {
            WhileLocked(() => SshdFixture.Exec("usermod", "--shell", shell, name));
        }

        if (withPassword)
        {
            WhileLocked(() => SshdFixture.ExecWithInput("chpasswd", $"{name}:{Password}\n"));
        }
    }

    /// <summary>The home folder of <paramref name="name"/>.</summary>
    public static string Home(string name) =>
        PasswdEntry(name)?[5] ?? throw new InvalidOperationException($"There is no account {name}.");

    /// <summary>Writes <paramref name="content"/> to a file in <paramref name="account"/>'s home, owned by the account, unless it is there already.</summary>
    public static void EnsureHomeFile(string account, string relativePath, string content)
    {
        var file = Path.Combine(Home(account), relativePath);
        if (!File.Exists(file) || File.ReadAllText(file) != content)
        {
            File.WriteAllText(file, content);
        }

        SshdFixture.Exec("chown", $"{account}:", file);
    }

    /// <summary>Installs <paramref name="rules"/> as <c>/etc/sudoers.d/<paramref name="name"/></c> (checked by visudo first) unless it is there already.</summary>
    public static void EnsureSudoers(string name, string rules)
    {
        var file = "/etc/sudoers.d/" + name;
        var content = "# Created by the Fabric for .NET end-to-end tests (real hosts).\n" + rules + "\n";
        if (File.Exists(file) && File.ReadAllText(file) == content)
        {
            return;
        }

        var staged = file + ".new-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(staged, content);
        SshdFixture.Exec("chmod", "440", staged);
        SshdFixture.Exec("visudo", "-cf", staged);
        File.Move(staged, file, overwrite: true);
    }

    /// <summary>Runs an account tool again while another test run holds the lock on <c>/etc/passwd</c> (they fail rather than wait).</summary>
    private static void WhileLocked(Func<string> tool)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                tool();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 50 && e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string[]? PasswdEntry(string name) =>
        File.ReadAllLines("/etc/passwd").Select(l => l.Split(':')).FirstOrDefault(f => f.Length >= 7 && f[0] == name);
}
