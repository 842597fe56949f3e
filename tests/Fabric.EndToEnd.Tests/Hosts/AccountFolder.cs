using System.Security.Cryptography;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// A folder of a test's own in a test account's home (<c>~/fabric-xfer-…</c>, mode 0755, the account's): the servers run
/// on this machine, so a test writes the server's files here directly, as root, gives them to the account, and reads
/// what a transfer left straight from the file system. Removed with everything in it when disposed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class AccountFolder : IDisposable
{
    public AccountFolder(string account)
    {
        Account = account;
        Path = System.IO.Path.Combine(TestAccounts.Home(account), "fabric-xfer-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        File.SetUnixFileMode(Path, Octal("755"));
        SshdFixture.Exec("chown", $"{account}:", Path);
    }

    public string Account { get; }

    /// <summary>The folder's absolute path (the same on the server: it is this machine).</summary>
    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> in the folder.</summary>
    public string this[string name] => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file of the account with <paramref name="content"/> and <paramref name="mode"/>.</summary>
    public string Write(string name, byte[] content, UnixFileMode mode)
    {
        var file = this[name];
        File.WriteAllBytes(file, content);
        SshdFixture.Exec("chown", $"{Account}:", file);
        File.SetUnixFileMode(file, mode);
        return file;
    }

    /// <summary>A sub-folder owned by root, mode 0755: the account may read it, not write in it.</summary>
    public string RootFolder(string name)
    {
        var folder = this[name];
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, Octal("755"));
        return folder;
    }

    /// <summary>Every entry under the folder, as paths relative to it, in ordinal order.</summary>
    public string[] Entries() => Listing(Path);

    /// <summary>Every entry under <paramref name="folder"/>, as paths relative to it, in ordinal order.</summary>
    public static string[] Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Select(e => System.IO.Path.GetRelativePath(folder, e)).Order(StringComparer.Ordinal)];

    /// <summary>The SHA-256 of a file, in hex; "(missing)" or "(a folder)" when it is not a file.</summary>
    public static string Sha256(string file) =>
        Directory.Exists(file) ? "(a folder)" : File.Exists(file) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) : "(missing)";

    /// <summary>A mode from its octal digits (<c>"640"</c>).</summary>
    public static UnixFileMode Octal(string digits) => (UnixFileMode)Convert.ToInt32(digits, 8);

    /// <summary>Random bytes that differ from call to call.</summary>
    public static byte[] RandomBytes(int size) => RandomNumberGenerator.GetBytes(size);

    /// <summary>Removes the folder with <c>rm -rf</c>: .NET cannot name entries whose names are not valid UTF-8.</summary>
    public void Dispose() => SshdFixture.Exec("rm", "-rf", "--", Path);
}
