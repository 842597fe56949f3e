namespace Fabric.EndToEnd.Tests.Hosts;

/// <summary>
/// The files of one <see cref="TransferMatrix"/> case: a local folder, a folder of its own in the account's home on the
/// server (<see cref="AccountFolder"/>), what each holds before, the task line that does the operation, and what each
/// must hold after it worked (each copy byte-identical: compared by SHA-256) or after it failed (nothing changed,
/// nothing left behind).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class TransferScene : IDisposable
{
    /// <summary>A few hundred KB: several SFTP packets and channel windows, still quick.</summary>
    private const int Size = 300 * 1024;

    private readonly AccountFolder _server;
    private readonly string _local = Directory.CreateTempSubdirectory("fabric-xfer-local-").FullName;
    private readonly Dictionary<string, string> _serverBefore;
    private readonly Dictionary<string, string> _serverAfter = [];
    private readonly Dictionary<string, string> _backAfter = [];

    public TransferScene(string account, TransferOperation operation)
    {
        _server = new AccountFolder(account);
        Back = Directory.CreateDirectory(Path.Combine(_local, "back")).FullName;
        Tasks = operation switch
        {
            TransferOperation.PutNew => PutNew(),
            TransferOperation.PutOver => PutOver(),
            TransferOperation.GetFile => GetFile(),
            TransferOperation.GetGlob => GetGlob(),
            TransferOperation.PutDenied => PutDenied(),
            TransferOperation.GetMissing => GetMissing(),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        _serverBefore = Contents(_server.Path);
    }

    /// <summary>The task line of the operation.</summary>
    public string[] Tasks { get; }

    /// <summary>The name of the file the operation is about: a failure must name it.</summary>
    public string File { get; private set; } = "";

    /// <summary>The local folder downloads go to.</summary>
    public string Back { get; }

    /// <summary>The ways the two sides differ from the operation having worked: each copy byte-identical, nothing else there.</summary>
    public void AddWorkProblems(List<string> problems)
    {
        Compare(problems, "server folder", _serverAfter, Contents(_server.Path));
        Compare(problems, "local folder", _backAfter, Contents(Back));
        if (System.IO.File.Exists(_server["over.bin"]) && System.IO.File.GetUnixFileMode(_server["over.bin"]) != AccountFolder.Octal("640"))
        {
            problems.Add($"the replaced file's mode is {Convert.ToString((int)System.IO.File.GetUnixFileMode(_server["over.bin"]), 8)}, not the 640 it had");
        }
    }

    /// <summary>The ways the two sides differ from the operation having failed cleanly: the server as it was, nothing downloaded.</summary>
    public void AddFailureProblems(List<string> problems)
    {
        Compare(problems, "server folder", _serverBefore, Contents(_server.Path));
        Compare(problems, "local folder", [], Contents(Back));
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_local, recursive: true);
    }

    private string[] PutNew()
    {
        var local = Local("new.bin", AccountFolder.RandomBytes(Size));
        _serverAfter["new.bin"] = AccountFolder.Sha256(local);
        return Upload(local, _server["new.bin"]);
    }

    private string[] PutOver()
    {
        _server.Write("over.bin", AccountFolder.RandomBytes(Size / 3), AccountFolder.Octal("640"));
        var local = Local("over.bin", AccountFolder.RandomBytes(Size));
        _serverAfter["over.bin"] = AccountFolder.Sha256(local);
        return Upload(local, _server["over.bin"]);
    }

    private string[] GetFile()
    {
        var remote = _server.Write("get.bin", AccountFolder.RandomBytes(Size), AccountFolder.Octal("644"));
        _serverAfter["get.bin"] = _backAfter["get.bin"] = AccountFolder.Sha256(remote);
        File = "get.bin";
        return [$"download:remote={remote},local={Path.Combine(Back, "get.bin")}"];
    }

    private string[] GetGlob()
    {
        foreach (var (name, size) in new[] { ("a.txt", Size), ("b.txt", Size / 30), ("c.log", 100) })
        {
            var remote = _server.Write(name, AccountFolder.RandomBytes(size), AccountFolder.Octal("644"));
            _serverAfter[name] = AccountFolder.Sha256(remote);
            if (name.EndsWith(".txt", StringComparison.Ordinal))
            {
                _backAfter[name] = _serverAfter[name];
            }
        }

        File = "*.txt";
        return [$"download:remote={_server["*.txt"]},local={Back}/"];
    }

    private string[] PutDenied()
    {
        _serverAfter["locked"] = AccountFolder.Sha256(_server.RootFolder("locked"));
        return Upload(Local("denied.bin", AccountFolder.RandomBytes(Size)), Path.Combine(_server["locked"], "denied.bin"));
    }

    private string[] GetMissing()
    {
        File = "absent.bin";
        return [$"download:remote={_server["absent.bin"]},local={Path.Combine(Back, "absent.bin")}"];
    }

    private string[] Upload(string local, string remote)
    {
        File = Path.GetFileName(remote);
        return [$"upload:local={local},remote={remote}"];
    }

    private string Local(string name, byte[] content)
    {
        var file = Path.Combine(_local, name);
        System.IO.File.WriteAllBytes(file, content);
        return file;
    }

    /// <summary>Each entry under <paramref name="folder"/> (relative path) and its SHA-256.</summary>
    private static Dictionary<string, string> Contents(string folder) =>
        AccountFolder.Listing(folder).ToDictionary(e => e, e => AccountFolder.Sha256(Path.Combine(folder, e)));

    private static void Compare(List<string> problems, string where, Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        foreach (var (name, hash) in expected)
        {
            if (!actual.TryGetValue(name, out var found))
            {
                problems.Add($"{where}: no {name}");
            }
            else if (found != hash)
            {
                problems.Add($"{where}: {name} has SHA-256 {Short(found)}, not {Short(hash)} (not byte-identical)");
            }
        }

        static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
        var extra = actual.Keys.Except(expected.Keys).ToArray();
        if (extra.Length > 0)
        {
            problems.Add($"{where}: left behind {string.Join(", ", extra)}");
        }
    }
}
