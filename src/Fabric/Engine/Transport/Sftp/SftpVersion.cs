using System.Buffers.Binary;

namespace Fabric.Engine.Transport.Sftp;

/// <summary>The server's first reply (<c>VERSION</c>): where it starts among the bytes received, and the extensions it names.</summary>
internal static class SftpVersion
{
    /// <summary>The most a login shell may print before it that is looked through.</summary>
    public const int MaxNoise = 64 * 1024;

    /// <summary>
    /// Where the whole VERSION reply starts in <paramref name="received"/> (its length, type 2, version 1 to 3); -1 when it
    /// is not there, or not whole yet. What comes before it was printed by a login shell.
    /// </summary>
    public static int Find(ReadOnlySpan<byte> received)
    {
        for (var i = 0; i + 9 <= received.Length; i++)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(received[i..]);
            var version = BinaryPrimitives.ReadUInt32BigEndian(received[(i + 5)..]);
            if (received[i + 4] == SftpCodes.Version && length is >= 5 and < MaxNoise && version is >= 1 and <= 3)
            {
                return i + 4 + length <= received.Length ? i : -1;
            }
        }

        return -1;
    }

    /// <summary>The extensions (name → data) in <paramref name="body"/>: what follows the reply's version number.</summary>
    public static Dictionary<string, string> Extensions(byte[] body)
    {
        var reader = new SftpReader(body);
        var extensions = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!reader.AtEnd)
        {
            var name = reader.String().Text;
            extensions[name] = reader.String().Text;
        }

        return extensions;
    }
}
