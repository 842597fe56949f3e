using System.Globalization;

namespace Fabric.Engine.Transfers;

/// <summary>
/// Where a transfer's time went, for a debug line: moving the bytes (and their rate), then checking the copy
/// (size, and SHA-256 unless <c>verify: false</c>) and putting it in place.
/// </summary>
internal static class TransferTiming
{
    public static string Describe(string kind, string path, long bytes, TimeSpan moved, TimeSpan checkedAndPlaced, bool verify)
    {
        var mib = bytes / (1024.0 * 1024.0);
        var rate = moved.TotalSeconds > 0 ? mib / moved.TotalSeconds : 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{kind}: {path}: {mib:0.0} MiB moved in {moved.TotalMilliseconds:0} ms ({rate:0} MiB/s); {(verify ? "size and SHA-256" : "size")} checked and renamed into place in {checkedAndPlaced.TotalMilliseconds:0} ms");
    }
}
