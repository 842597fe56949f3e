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
}
