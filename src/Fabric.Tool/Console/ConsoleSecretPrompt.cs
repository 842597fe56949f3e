using System.Text;
using Fabric.Engine.Ssh;

namespace Fabric.Tool.Console;

/// <summary>
/// Asks for passwords and passphrases on the terminal without echoing them (and for a host string, echoed); one question at a time.
/// Without a terminal (input redirected) there is nobody to ask: the engine gets null and says so clearly.
/// </summary>
internal sealed class ConsoleSecretPrompt : ISecretPrompt
{
    private readonly Lock _gate = new();
    private readonly TerminalStatusLine? _terminal;

    private ConsoleSecretPrompt(TerminalStatusLine? terminal) => _terminal = terminal;

    /// <summary>A prompt when standard input is a terminal, else null; <paramref name="terminal"/>'s status line is paused while it asks.</summary>
    public static ConsoleSecretPrompt? ForThisConsole(TerminalStatusLine? terminal = null) =>
        System.Console.IsInputRedirected ? null : new ConsoleSecretPrompt(terminal);

    public string? AskVisible(string prompt)
    {
        lock (_gate)
        {
            using var paused = _terminal?.Pause();
            System.Console.Error.Write(prompt.TrimEnd() + " ");
            return System.Console.ReadLine();
        }
    }

    public void Tell(string text)
    {
        lock (_gate)
        {
            using var paused = _terminal?.Pause();
            System.Console.Error.WriteLine(text);
        }
    }

    public string? Ask(string prompt)
    {
        lock (_gate)
        {
            using var paused = _terminal?.Pause();
            System.Console.Error.Write(prompt.TrimEnd() + " ");
            var answer = new StringBuilder();
            while (true)
            {
                var key = System.Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    break;
                }

                if (key.Key == ConsoleKey.Backspace)
                {
                    answer.Length = Math.Max(0, answer.Length - 1);
                }
                else if (key.KeyChar != '\0')
                {
                    answer.Append(key.KeyChar);
                }
            }

            System.Console.Error.WriteLine();
            return answer.ToString();
        }
    }
}
