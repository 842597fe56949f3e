using Fabric.Engine;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Tool.Console;

/// <summary>How the console renders the tool's own lines: in colour or plain, and which of them it shows.</summary>
/// <param name="Colour">Colour in the run summary: on a terminal, unless <c>NO_COLOR</c> or <c>TERM=dumb</c>.</param>
/// <param name="ShowDebug">The tool's debug lines (fabfile loading, an error's trace) are shown: <c>--show debug</c>.</param>
/// <param name="ShowSummary">The run summary is shown: the <c>status</c> group, unless <c>--hide status</c>.</param>
internal sealed record ConsoleSettings(bool Colour = false, bool ShowDebug = false, bool ShowSummary = true)
{
    /// <summary>Plain, debug hidden, summary shown: the defaults, and what a redirected console gets without options.</summary>
    public static ConsoleSettings Plain { get; } = new();

    /// <summary>True when this process's console shows colour: stdout is a terminal, and neither <c>NO_COLOR</c> nor <c>TERM=dumb</c> says otherwise.</summary>
    public static bool UseColour() => UseColour(System.Console.IsOutputRedirected, System.Environment.GetEnvironmentVariable);

    /// <summary>The rule of <see cref="UseColour()"/>, given whether stdout is redirected and the environment (https://no-color.org: any non-empty value).</summary>
    public static bool UseColour(bool outputRedirected, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !outputRedirected && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") is not "dumb";
    }

    /// <summary>
    /// This process's console under <c>--hide</c>/<c>--show</c>. An unknown group name leaves the defaults: the command
    /// reports it as a usage error when it reads the same options.
    /// </summary>
    public static ConsoleSettings ForThisConsole(IEnumerable<string> hide, IEnumerable<string> show)
    {
        try
        {
            return new ConsoleSettings(
                UseColour(),
                FabricRunner.Shows(OutputKind.Debug, hide, show),
                FabricRunner.Shows(OutputKind.Status, hide, show));
        }
        catch (FabricUsageException)
        {
            return new ConsoleSettings(UseColour());
        }
    }
}
