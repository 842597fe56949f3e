namespace Fabric.Engine.Output;

/// <summary>
/// Where a large captured output goes past what is kept in memory: a temporary file that only this process can read
/// (created new, mode 0600) and that has no name from the moment it is opened (unlinked at once), so nothing is left behind
/// however the process ends; the system reclaims it when its handle closes. Appended to, read back at any offset.
/// </summary>
internal sealed class OutputSpill
{
    private readonly FileStream _file;

    private OutputSpill(FileStream file) => _file = file;

    /// <summary>How many bytes it holds.</summary>
    public long Length { get; private set; }

    /// <summary>A new spill file in the temporary folder; null when none can be made there (the output then stays in memory).</summary>
    public static OutputSpill? TryCreate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fabric-output-{Guid.NewGuid():N}");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 0,
                Options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var file = new FileStream(path, options);
            if (!OperatingSystem.IsWindows())
            {
                File.Delete(path);
            }

            return new OutputSpill(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Appends <paramref name="bytes"/>; false when the file would not take them (a full disk): then it holds what it held.</summary>
    public bool TryAppend(ReadOnlySpan<byte> bytes)
    {
        try
        {
            RandomAccess.Write(_file.SafeFileHandle, bytes, Length);
            Length += bytes.Length;
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Its bytes from <paramref name="offset"/> on, into <paramref name="buffer"/>: how many were read.</summary>
    public int Read(long offset, Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, Length - offset);
        var read = 0;
        while (read < wanted)
        {
            var n = RandomAccess.Read(_file.SafeFileHandle, buffer[read..wanted], offset + read);
            if (n == 0)
            {
                throw new IOException("The captured output's temporary file ended early.");
            }

            read += n;
        }

        return read;
    }
}
