using System.Text;

namespace Fabric;

/// <summary>
/// What a remote command reads on its standard input: text, bytes, a stream or a file, sent in full and then ended
/// (end-of-input), as <c>ssh host cmd &lt; file</c> does. A string, a byte array or a stream converts to it:
/// <c>Run("sudo tee /etc/motd", input: "Welcome\n")</c>. Without input, a command gets end-of-input at once (or, on a
/// terminal, what the user types).
/// </summary>
public sealed class CommandInput
{
    private readonly Func<Stream> _open;
    private readonly bool _owned;

    private CommandInput(Func<Stream> open, bool owned)
    {
        _open = open;
        _owned = owned;
    }

    /// <summary>The text, as UTF-8.</summary>
    public static CommandInput FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromBytes(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The bytes as they are.</summary>
    public static CommandInput FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new CommandInput(() => new MemoryStream(bytes, writable: false), owned: true);
    }

    /// <summary>The rest of <paramref name="stream"/>, read to its end; the stream is not closed.</summary>
    public static CommandInput FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new CommandInput(() => stream, owned: false);
    }

    /// <summary>The content of a local file (a relative path is taken from the current folder).</summary>
    public static CommandInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new CommandInput(() => OpenFile(path), owned: true);
    }

    /// <summary>The text, as UTF-8.</summary>
    public static implicit operator CommandInput(string text) => FromText(text);

    /// <summary>The bytes as they are.</summary>
    public static implicit operator CommandInput(byte[] bytes) => FromBytes(bytes);

    /// <summary>The rest of the stream, read to its end; the stream is not closed.</summary>
    public static implicit operator CommandInput(Stream stream) => FromStream(stream);

    /// <summary>A file that cannot be read is a clear abort before anything is sent, not an exception from deep inside.</summary>
    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AbortException($"The input file '{path}' cannot be read: {e.Message}");
        }
    }

    /// <summary>Opens the input for one command; disposing the result closes it when this input owns it.</summary>
    internal (Stream Stream, IDisposable? Owner) Open()
    {
        var stream = _open();
        return (stream, _owned ? stream : null);
    }
}
