namespace Fabric.Engine.Arguments;

/// <summary>Splits a <c>task:args</c> token (SPEC §7).</summary>
internal static class TaskInvocationParser
{
    /// <summary>
    /// Splits at the first unescaped <c>:</c>; the rest at unescaped <c>,</c>; each piece at its first
    /// unescaped <c>=</c> into name and value (so <c>k=v=w</c> is <c>k</c> = <c>v=w</c>), else positional.
    /// <c>\,</c> <c>\=</c> <c>\:</c> <c>\\</c> are literal. A dangling <c>\</c> at the end, or an empty name
    /// (<c>=v</c>, <c>:a</c>) is a <see cref="FabricUsageException"/> naming the token.
    /// </summary>
    public static TaskInvocation Parse(string token) => throw new NotImplementedException();
}
