using Fabric.Engine.Output;

namespace Fabric.Tests.Engine.Output;

/// <summary>Waits for the start of an unfinished line to reach a collecting sink (a command that waits for a file to go on).</summary>
internal static class PartialLine
{
    public static async Task WaitForAsync(CollectingOutputSink output, string text)
    {
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!output.Lines.Any(l => l.Partial && l.Text == text))
        {
            await Task.Delay(20, safetyNet.Token);
        }
    }
}
