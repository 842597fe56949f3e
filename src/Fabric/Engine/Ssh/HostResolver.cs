namespace Fabric.Engine.Ssh;

/// <summary>
/// Turns a connection target into <see cref="SshHostSettings"/> for the run: reads the ssh config once (unless
/// <c>Env.UseSshConfig</c> is false), warns about what it skips, and applies <c>Env.Gateway</c> (or the target's
/// <c>Settings(gateway: …)</c>).
/// </summary>
/// <remarks>
/// The key files tried are the target's own (a <c>Settings(keyFilenames: …)</c> scope's), else <paramref name="keyFiles"/>
/// (<c>Env.KeyFilenames</c>, which starts as <see cref="SshOptions.KeyFiles"/>), then the config's and the default ones.
/// </remarks>
internal sealed class HostResolver(SshOptions options, Func<bool> useConfig, Func<string?> gateway, Action<string> warn, Func<IReadOnlyList<string>>? keyFiles = null)
{
    private readonly Lazy<SshConfigFile> _config = new(() => Load(options, warn));

    /// <summary>How to reach <paramref name="target"/>; <paramref name="jumps"/>, when given, replaces its jump hosts.</summary>
    /// <exception cref="AbortException">The config cannot be read or has a bad value.</exception>
    public SshHostSettings Resolve(ConnectionTarget target, IReadOnlyList<string>? jumps = null)
    {
        try
        {
            var config = useConfig() ? _config.Value.Lookup(target.Host) : SshHostConfig.None;
            var files = target.Credentials?.KeyFiles ?? keyFiles?.Invoke() ?? options.KeyFiles;
            var jump = target.Gateway is { } scoped ? (scoped.Length == 0 ? null : scoped) : gateway();
            var settings = SshHostSettings.Of(target, options with { KeyFiles = [.. files.Select(FullKeyPath)] }, config, jumps is null ? jump : null);
            return jumps is null ? settings : settings with { Jumps = jumps };
        }
        catch (FormatException e)
        {
            throw new AbortException($"ssh config: {e.Message.TrimEnd('.')} (for {target.Display}).", e);
        }
    }

    /// <summary>A key file as the fabfile wrote it, made a full path: <c>~/…</c> under the home folder, a relative one under the current folder.</summary>
    private string FullKeyPath(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(options.HomeDirectory, path.Length > 2 ? path[2..] : "")
            : Path.GetFullPath(path);

    private static SshConfigFile Load(SshOptions options, Action<string> warn)
    {
        var warnings = new List<string>();
        try
        {
            var file = SshConfigFile.Load(options.SshConfigPath, Path.Combine(options.HomeDirectory, ".ssh"), options.HomeDirectory, warnings);
            return file;
        }
        catch (IOException e)
        {
            throw new FormatException($"{options.SshConfigPath} cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new FormatException($"{options.SshConfigPath} cannot be read ({e.Message})", e);
        }
        finally
        {
            foreach (var warning in warnings)
            {
                warn($"ssh config: {warning}.");
            }
        }
    }
}
