namespace Fabric.Engine.Ssh;

/// <summary>
/// A host's key was refused (changed, revoked, or unknown under <see cref="SshOptions.RejectUnknownHosts"/>): the
/// connection is dropped before any login. Never skipped under <c>Env.SkipBadHosts</c>, which is for hosts that are
/// down, not for a host that may be an impostor.
/// </summary>
internal sealed class HostKeyRefusedException(string message) : AbortException(message);
