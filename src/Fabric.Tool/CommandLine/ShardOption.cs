using System.Globalization;
using Fabric.Engine;
using Fabric.Engine.Hosts;

namespace Fabric.Tool.CommandLine;

/// <summary><c>--shard K/N</c>: this run's slice of every task's host list.</summary>
internal static class ShardOption
{
    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N.</summary>
    /// <exception cref="FabricUsageException">Anything else, naming the option.</exception>
    public static HostShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2 && Number(parts[0]) is { } index && Number(parts[1]) is { } count && index >= 1 && index <= count)
        {
            return new HostShard(index, count);
        }

        throw new FabricUsageException($"Invalid --shard '{text}': expected K/N with 1 <= K <= N, e.g. --shard 2/3 (the second of three slices).");
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
