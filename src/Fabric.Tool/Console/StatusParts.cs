namespace Fabric.Tool.Console;

/// <summary>The text of the terminal's status line: its parts in the order of <see cref="StatusPart"/>, on one line.</summary>
internal sealed class StatusParts
{
    private readonly string?[] _parts = new string?[Enum.GetValues<StatusPart>().Length];

    /// <summary>The parts set so far, two spaces apart; null when none is set.</summary>
    public string? Text { get; private set; }

    /// <summary>Sets one part (null: that part is gone).</summary>
    public void Set(StatusPart part, string? text)
    {
        _parts[(int)part] = text;
        Text = _parts.Any(p => p is not null) ? string.Join("  ", _parts.Where(p => p is not null)) : null;
    }

    /// <summary>Removes every part.</summary>
    public void Clear()
    {
        Array.Clear(_parts);
        Text = null;
    }

    /// <summary><paramref name="status"/> cut to fit in one line of a terminal <paramref name="width"/> columns wide.</summary>
    public static string Fit(string status, int width)
    {
        var room = Math.Max(width - 1, 10);
        return status.Length > room ? status[..(room - 1)] + "…" : status;
    }

    /// <summary>The console's width in columns (80 when it cannot say).</summary>
    public static int ConsoleWidth()
    {
        try
        {
            return System.Console.WindowWidth is > 0 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
