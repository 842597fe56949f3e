namespace Fabric.Engine.Output;

/// <summary>
/// Shows how far a <c>Put</c>/<c>Get</c> of a file has got (the tool draws a bar on a terminal; nothing else does).
/// Transfers ask for a meter only while their <c>running</c> group is shown.
/// </summary>
public interface ITransferProgress
{
    /// <summary>Starts showing one file's transfer; dispose the meter when the file is done (or failed).</summary>
    /// <param name="host">The host string the file goes to or comes from.</param>
    /// <param name="file">The file as the user would name it (the remote path).</param>
    /// <param name="size">Its size in bytes.</param>
    ITransferMeter Begin(string host, string file, long size);
}
