using System.Buffers.Binary;
using System.Text;

namespace Fabric.Engine.Transport.Sftp;

/// <summary>SFTP version 3 message types and flags (draft-ietf-secsh-filexfer-02, the version OpenSSH speaks).</summary>
internal static class SftpCodes
{
    public const byte Init = 1, Version = 2, Open = 3, Close = 4, Read = 5, Write = 6, LStat = 7, SetStat = 9,
        OpenDir = 11, ReadDir = 12, Remove = 13, MkDir = 14, RmDir = 15, RealPath = 16, Stat = 17, Rename = 18,
        Status = 101, Handle = 102, Data = 103, Name = 104, Attrs = 105, Extended = 200, ExtendedReply = 201;

    public const uint OpenRead = 0x1, OpenWrite = 0x2, OpenCreate = 0x8, OpenTruncate = 0x10, OpenExclusive = 0x20;

    public const uint AttrSize = 0x1, AttrUidGid = 0x2, AttrPermissions = 0x4, AttrTimes = 0x8, AttrExtended = 0x80000000;

    public const uint Ok = 0, Eof = 1, NoSuchFile = 2, PermissionDenied = 3, Failure = 4, OpUnsupported = 8;
}

/// <summary>Builds one SFTP packet: its length is filled in by <see cref="ToArray"/>.</summary>
internal sealed class SftpWriter
{
    private byte[] _buffer;
    private int _length = 4;

    public SftpWriter(byte type, int capacity = 256)
    {
        _buffer = new byte[Math.Max(capacity, 16)];
        Byte(type);
    }

    public SftpWriter Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
        return this;
    }

    public SftpWriter UInt32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
        return this;
    }

    public SftpWriter UInt64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
        return this;
    }

    public SftpWriter Bytes(ReadOnlySpan<byte> value)
    {
        UInt32((uint)value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
        return this;
    }

    /// <summary>A path or name, as UTF-8 (what OpenSSH's server takes names as: bytes, passed to the file system).</summary>
    public SftpWriter String(string value) => Bytes(Encoding.UTF8.GetBytes(value));

    /// <summary>Attributes with only the permission bits (or none).</summary>
    public SftpWriter Attributes(int? mode) => mode is { } m ? UInt32(SftpCodes.AttrPermissions).UInt32((uint)m) : UInt32(0);

    /// <summary>The packet with its length in front.</summary>
    public byte[] ToArray()
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer, (uint)(_length - 4));
        return _buffer.AsSpan(0, _length).ToArray();
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}

/// <summary>Reads the fields of one SFTP reply.</summary>
internal sealed class SftpReader(byte[] data, int offset = 0, int? length = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly int _end = length ?? data.Length;
    private int _position = offset;

    public bool AtEnd => _position >= _end;

    public byte Byte() => data[Need(1)];

    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(Need(4), 4));

    public ulong UInt64() => BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(Need(8), 8));

    public ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Math.Min(UInt32(), int.MaxValue);
        return data.AsSpan(Need(length), length);
    }

    /// <summary>The next string's bytes, as a segment of the reply (no copy).</summary>
    public ArraySegment<byte> Segment()
    {
        var length = (int)Math.Min(UInt32(), int.MaxValue);
        return new ArraySegment<byte>(data, Need(length), length);
    }

    /// <summary>A string as UTF-8, and whether its bytes were valid UTF-8 (if not, each bad byte shows as <c>\xE9</c>).</summary>
    public (string Text, bool Valid) String()
    {
        var bytes = Bytes();
        try
        {
            return (StrictUtf8.GetString(bytes), true);
        }
        catch (DecoderFallbackException)
        {
            return (Escaped(bytes), false);
        }
    }

    /// <summary>The attributes that follow (the fields this client uses; the others are skipped).</summary>
    public (long? Size, int? Permissions) Attributes()
    {
        var flags = UInt32();
        long? size = (flags & SftpCodes.AttrSize) != 0 ? (long)UInt64() : null;
        if ((flags & SftpCodes.AttrUidGid) != 0)
        {
            Need(8);
        }

        int? permissions = (flags & SftpCodes.AttrPermissions) != 0 ? (int)UInt32() : null;
        if ((flags & SftpCodes.AttrTimes) != 0)
        {
            Need(8);
        }

        if ((flags & SftpCodes.AttrExtended) != 0)
        {
            var count = UInt32();
            for (var i = 0; i < count; i++)
            {
                Bytes();
                Bytes();
            }
        }

        return (size, permissions);
    }

    private int Need(int count)
    {
        if (count < 0 || _position + count > _end)
        {
            throw new InvalidDataException("the server sent a malformed SFTP reply");
        }

        var at = _position;
        _position += count;
        return at;
    }

    /// <summary>Valid UTF-8 runs as text, every other byte as <c>\xNN</c>.</summary>
    internal static string Escaped(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, true);
        var i = 0;
        while (i < bytes.Length)
        {
            var length = Utf8SequenceLength(bytes[i]);
            if (length > 0 && i + length <= bytes.Length)
            {
                try
                {
                    text.Append(decoder.GetString(bytes.Slice(i, length)));
                    i += length;
                    continue;
                }
                catch (DecoderFallbackException)
                {
                }
            }

            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{bytes[i]:X2}");
            i++;
        }

        return text.ToString();
    }

    private static int Utf8SequenceLength(byte first) => first switch
    {
        < 0x80 => 1,
        >= 0xC2 and < 0xE0 => 2,
        >= 0xE0 and < 0xF0 => 3,
        >= 0xF0 and < 0xF5 => 4,
        _ => 0,
    };
}
