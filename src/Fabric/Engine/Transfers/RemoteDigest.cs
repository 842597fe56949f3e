namespace Fabric.Engine.Transfers;

/// <summary>
/// The SHA-256 of a file on the server, as <c>/bin/sh</c> computes it: with <c>openssl dgst</c> when the host has it
/// (it uses the CPU's SHA instructions: about 4 times faster than coreutils), else <c>sha256sum</c> (coreutils, BusyBox);
/// a host with neither cannot be checked, which the transfer reports in a debug line instead of failing.
/// </summary>
internal static class RemoteDigest
{
    /// <summary>Shell that prints the hex SHA-256 of <paramref name="quotedPath"/> (nothing when it cannot).</summary>
    public static string Print(string quotedPath) =>
        "if command -v openssl >/dev/null 2>&1; then h=$(openssl dgst -sha256 -r < " + quotedPath + "); "
        + "elif command -v sha256sum >/dev/null 2>&1; then h=$(sha256sum < " + quotedPath + "); else h=; fi; printf '%s' \"${h%% *}\"";

    /// <summary>
    /// Why a transfer's two hashes prove it wrong, or null when they agree or one side could not be hashed (empty).
    /// The caller's message names the host and the file.
    /// </summary>
    /// <param name="source">The hash of the file that was sent (the local one for a put, the remote one for a get).</param>
    /// <param name="copy">The hash of what arrived.</param>
    public static string? Mismatch(string? source, string? copy) =>
        string.IsNullOrEmpty(source) || string.IsNullOrEmpty(copy) || string.Equals(source, copy, StringComparison.Ordinal)
            ? null
            : $"SHA-256 mismatch (the source has {Short(source)}, the copy {Short(copy)}; the copy was removed, the target left as it was)";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash;
}
