namespace Fabric.Engine.Transfers;

/// <summary>
/// The SHA-256 of a file on the server, as <c>/bin/sh</c> computes it: with <c>openssl dgst</c> when the host has it
/// (it uses the CPU's SHA instructions: about 4 times faster than coreutils), else <c>sha256sum</c>; a host with
/// neither cannot be checked, which the check reports instead of failing. Also reads the verdict back from what the
/// server printed.
/// </summary>
internal static class RemoteDigest
{
    /// <summary>What the server writes on stderr when the hash of the staged file is not the one sent.</summary>
    public const string MismatchMarker = "fabric-sha256-mismatch";

    /// <summary>What the server writes on stderr when it has no tool to hash with.</summary>
    public const string UnavailableMarker = "fabric-sha256-unavailable";

    /// <summary>Shell that sets <c>h</c> to the hex SHA-256 of <paramref name="quotedPath"/> (empty when it cannot).</summary>
    public static string Compute(string quotedPath) =>
        "if command -v openssl >/dev/null 2>&1; then h=$(openssl dgst -sha256 -r < " + quotedPath + "); "
        + "elif command -v sha256sum >/dev/null 2>&1; then h=$(sha256sum < " + quotedPath + "); else h=; fi; h=${h%% *}";

    /// <summary>Shell that prints the SHA-256 of <paramref name="quotedPath"/> (an empty line when it cannot).</summary>
    public static string Print(string quotedPath) => Compute(quotedPath) + "; echo \"$h\"";

    /// <summary>
    /// Shell that succeeds when <paramref name="quotedPath"/> hashes to <paramref name="expected"/> (or cannot be hashed:
    /// it says so on stderr), and otherwise prints the mismatch marker with the hash it found on stderr and fails.
    /// </summary>
    public static string Check(string quotedPath, string expected)
    {
        if (expected.Length != 64 || !expected.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Expected a lower-case hex SHA-256.", nameof(expected));
        }

        return "{ " + Compute(quotedPath) + "; if [ -z \"$h\" ]; then echo " + UnavailableMarker + " >&2; "
            + "elif [ \"$h\" != " + expected + " ]; then echo \"" + MismatchMarker + " $h\" >&2; false; fi; }";
    }

    /// <summary>The hash the server found, when its stderr says the check failed; else null.</summary>
    public static string? MismatchIn(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var line = stderr.Split('\n').FirstOrDefault(l => l.StartsWith(MismatchMarker, StringComparison.Ordinal));
        return line?[MismatchMarker.Length..].Trim();
    }

    /// <summary>Whether the server said it had nothing to hash with.</summary>
    public static bool UnavailableIn(string stderr) => stderr?.Contains(UnavailableMarker, StringComparison.Ordinal) == true;

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
