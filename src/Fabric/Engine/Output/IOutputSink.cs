using System.Text;

namespace Fabric.Engine.Output;

/// <summary>Where the engine's output goes. The tool writes it through Serilog; tests collect it.</summary>
public interface IOutputSink
{
    /// <summary>Writes one whole line. Must be safe to call from several threads at once.</summary>
    void Write(OutputEvent line);

    /// <summary>
    /// Writes whole lines of command output that came together, as the UTF-8 bytes they came as (<see cref="OutputLines"/>:
    /// each ended by <c>\n</c>, no <c>\r</c>, no secret in them). Sinks that can take them as a block do; by default each
    /// line goes to <see cref="Write"/>.
    /// </summary>
    void WriteLines(OutputKind kind, string? host, ReadOnlySpan<byte> lines, bool hidden)
    {
        for (var end = lines.IndexOf((byte)'\n'); end >= 0; end = lines.IndexOf((byte)'\n'))
        {
            Write(new OutputEvent(kind, host, Encoding.UTF8.GetString(lines[..end])) { Hidden = hidden });
            lines = lines[(end + 1)..];
        }
    }
}
