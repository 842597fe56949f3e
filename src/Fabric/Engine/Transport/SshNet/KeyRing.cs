using System.Collections.Concurrent;
using Fabric.Engine.Ssh;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// The run's private keys: the ssh-agent's identities (listed once per run), then key files (the run's, the config's
/// <c>IdentityFile</c>s, the default ones), each loaded once per run (an encrypted key asks for its passphrase once,
/// through <see cref="ISecretPrompt"/>). A key or agent that cannot be used is skipped with a warning.
/// </summary>
internal sealed class KeyRing(SshOptions options, ISecretPrompt? prompt, Action<string> warn)
{
    private readonly ConcurrentDictionary<string, Lazy<IPrivateKeySource?>> _files = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<AgentKey>> _agent = new(() => LoadAgent(options, warn));
    private readonly Lock _promptGate = new();

    /// <summary>
    /// Why a key file named on the command line cannot be used (missing, unreadable, not a private key), or null when
    /// it can (an encrypted key counts as usable: its passphrase is asked when it is needed). Checked before anything runs.
    /// </summary>
    public static string? Problem(string path, SettingNames? names = null)
    {
        var option = (names ?? SettingNames.Library).Name(Setting.KeyFiles);
        if (System.IO.Directory.Exists(path))
        {
            return $"Key file '{path}' ({option}) is a folder, not a key file.";
        }

        if (!System.IO.File.Exists(path))
        {
            return $"Key file '{path}' ({option}) does not exist.";
        }

        try
        {
            using var key = new PrivateKeyFile(path);
            return null;
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            return null;
        }
        catch (Exception e) when (e is SshException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or FormatException)
        {
            return $"Key file '{path}' ({option}) cannot be used: {e.Message.TrimEnd('.')}.";
        }
    }

    /// <summary>The keys to offer <paramref name="host"/>, in order, each with how to name it in messages.</summary>
    public IReadOnlyList<(string Name, IPrivateKeySource Key)> For(SshHostSettings host)
    {
        var files = host.KeyFiles.Select(path => (Name: "key " + path, Key: File(path))).Where(k => k.Key is not null).ToList();
        var fileBlobs = files.Select(f => f.Key!.HostKeyAlgorithms.First().Data).ToList();
        var agent = _agent.Value
            .Where(a => !host.IdentitiesOnly || fileBlobs.Any(b => b.AsSpan().SequenceEqual(a.Blob)))
            .Select(a => (Name: $"agent key {a.Comment}", Key: (IPrivateKeySource)a));
        return [.. agent, .. files.Select(f => (f.Name, f.Key!))];
    }

    private IPrivateKeySource? File(string path) =>
        _files.GetOrAdd(path, p => new Lazy<IPrivateKeySource?>(() => Load(p))).Value;

    private static List<AgentKey> LoadAgent(SshOptions options, Action<string> warn)
    {
        if (options.AgentSocketPath is not { } socket)
        {
            return [];
        }

        var agent = new SshAgentClient(socket);
        try
        {
            return [.. agent.ListIdentities().Select(i => new AgentKey(agent, i.Blob, i.Comment))];
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidDataException)
        {
            warn($"The ssh-agent at {socket} cannot be used ({e.Message}); its keys are skipped.");
            return [];
        }
    }

    private PrivateKeyFile? Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            warn($"Key file {path} does not exist; skipped.");
            return null;
        }

        try
        {
            return new PrivateKeyFile(path);
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            string? passphrase;
            lock (_promptGate)
            {
                passphrase = prompt?.Ask($"Passphrase for key {path}: ");
            }

            if (string.IsNullOrEmpty(passphrase))
            {
                warn($"Key file {path} is encrypted and no passphrase was given; skipped.");
                return null;
            }

            try
            {
                return new PrivateKeyFile(path, passphrase);
            }
            catch (SshException)
            {
                warn($"Key file {path}: wrong passphrase; skipped.");
            }
        }
        catch (SshException e)
        {
            warn($"Key file {path} cannot be used ({e.Message}); skipped.");
        }
        catch (IOException e)
        {
            warn($"Key file {path} cannot be read ({e.Message}); skipped.");
        }
        catch (UnauthorizedAccessException e)
        {
            warn($"Key file {path} cannot be read ({e.Message}); skipped.");
        }

        return null;
    }
}
