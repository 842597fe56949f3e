namespace Fabric.Engine.Transport;

/// <summary>How a remote command ended: its exit status, or the signal that killed it, or neither (the server said nothing).</summary>
internal sealed record CommandExit(int? Status, string? Signal)
{
    /// <summary>The exit code to report: the status, else 128 + the signal's number (as a shell does), else -1.</summary>
    public int Code => Status ?? (Signal is null ? -1 : 128 + SignalNumber(Signal));

    private static int SignalNumber(string signal) => signal switch
    {
        "HUP" => 1,
        "INT" => 2,
        "QUIT" => 3,
        "ABRT" => 6,
        "KILL" => 9,
        "SEGV" => 11,
        "PIPE" => 13,
        "ALRM" => 14,
        "TERM" => 15,
        _ => 0,
    };
}
