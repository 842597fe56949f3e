namespace Fabric;

/// <summary>One file copied by <c>Put</c> or <c>Get</c>.</summary>
/// <param name="LocalPath">The full path on this machine.</param>
/// <param name="RemotePath">The path on the host.</param>
/// <param name="Bytes">Its size.</param>
public sealed record TransferredFile(string LocalPath, string RemotePath, long Bytes);
