using Renci.SshNet;
using Renci.SshNet.Common;

namespace Fabric.Engine.Ssh;

/// <summary>
/// The run's private keys: <c>-i</c> files then the default ones, loaded once per run (an encrypted key asks
/// for its passphrase once, through <see cref="ISecretPrompt"/>). A key that cannot be used is skipped with a warning.
/// </summary>
internal sealed class KeyRing(SshOptions options, ISecretPrompt? prompt, Action<string> warn)
{
    private readonly Lazy<IReadOnlyList<(string Path, IPrivateKeySource Key)>> _keys = new(() => Load(options, prompt, warn));

    public IReadOnlyList<(string Path, IPrivateKeySource Key)> Keys => _keys.Value;

    /// <summary>
    /// Why a key file named on the command line cannot be used (missing, unreadable, not a private key), or null when
    /// it can (an encrypted key counts as usable: its passphrase is asked when it is needed). Checked before anything runs.
    /// </summary>
    public static string? Problem(string path)
    {
        if (!File.Exists(path))
        {
            return $"Key file '{path}' (-i) does not exist.";
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
            return $"Key file '{path}' (-i) cannot be used: {e.Message.TrimEnd('.')}.";
        }
    }

    private static List<(string Path, IPrivateKeySource Key)> Load(SshOptions options, ISecretPrompt? prompt, Action<string> warn)
    {
        var keys = new List<(string, IPrivateKeySource)>();
        foreach (var path in options.KeyFilesToTry())
        {
            if (!File.Exists(path))
            {
                warn($"Key file {path} does not exist; skipped.");
                continue;
            }

            try
            {
                keys.Add((path, new PrivateKeyFile(path)));
            }
            catch (SshPassPhraseNullOrEmptyException)
            {
                var passphrase = prompt?.Ask($"Passphrase for key {path}: ");
                if (string.IsNullOrEmpty(passphrase))
                {
                    warn($"Key file {path} is encrypted and no passphrase was given; skipped.");
                    continue;
                }

                try
                {
                    keys.Add((path, new PrivateKeyFile(path, passphrase)));
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
        }

        return keys;
    }
}
