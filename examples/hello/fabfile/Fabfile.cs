using System.Globalization;
using Fabric;
using static Fabric.Api;

namespace Hello;

/// <summary>Tasks that run on this machine only: a first look at dotnet fab.</summary>
public static class Fabfile
{
    /// <summary>Greets someone. Try: dotnet fab hello:name=Ada,times=2.</summary>
    /// <param name="name">Who to greet.</param>
    /// <param name="times">How many times.</param>
    /// <param name="shout">Greet in capitals.</param>
    [Task(Default = true)]
    public static void Hello(string name = "world", int times = 1, bool shout = false)
    {
        for (var i = 0; i < times; i++)
        {
            var greeting = $"Hello, {name}!";
            Print(shout ? greeting.ToUpper(CultureInfo.InvariantCulture) : greeting);
        }
    }

    /// <summary>Shows facts about this machine with local shell commands.</summary>
    [Task]
    public static void Facts()
    {
        string kernel = Local("uname -sr");
        var cores = Local("nproc").Stdout;
        Print($"{kernel}, {cores} cores");
    }

    /// <summary>A command that fails, tolerated by a warn-only block.</summary>
    [Task]
    public static void Tolerant()
    {
        using (WarnOnly())
        {
            var result = Local("test -e /no/such/file");
            Print(result.Failed ? $"the file is missing (exit code {result.ExitCode}), and that is fine" : "the file exists");
        }
    }

    /// <summary>Waits a little, asynchronously: async tasks are awaited.</summary>
    [Task]
    public static async Task Pause(double seconds = 0.2)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Print($"paused {seconds.ToString(CultureInfo.InvariantCulture)} s");
    }
}
