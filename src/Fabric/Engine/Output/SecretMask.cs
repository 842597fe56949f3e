namespace Fabric.Engine.Output;

/// <summary>Replaces every known secret in a line of output with <c>****</c> (longest secrets first).</summary>
internal static class SecretMask
{
    public const string Mask = "****";

    public static string Apply(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// How much of the start of an unfinished line may be shown before the rest of it arrives: never up to a point
    /// where a secret may still be completing (a tail of <paramref name="text"/> that some secret begins with), and
    /// never through the middle of a secret it already holds. Masking that start with <see cref="Apply"/> then shows
    /// no part of any secret, however the line is cut into chunks.
    /// </summary>
    public static int SafeLength(string text, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        var known = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        var cut = text.Length;
        foreach (var secret in known)
        {
            for (var i = Math.Max(0, text.Length - secret.Length + 1); i < cut; i++)
            {
                if (secret.AsSpan().StartsWith(text.AsSpan(i), StringComparison.Ordinal))
                {
                    cut = i;
                    break;
                }
            }
        }

        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var secret in known)
            {
                for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0 && at < cut; at = text.IndexOf(secret, at + 1, StringComparison.Ordinal))
                {
                    if (at + secret.Length > cut)
                    {
                        cut = at;
                        moved = true;
                        break;
                    }
                }
            }
        }

        return cut;
    }
}
