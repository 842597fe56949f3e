namespace Fabric.Engine.Ssh;

/// <summary>
/// A host's key was refused (changed, revoked, or unknown under <c>--reject-unknown-hosts</c>): the connection is
/// dropped before any login. Never skipped by <c>--skip-bad-hosts</c>, which is for hosts that are down, not for a
/// host that may be an impostor.
/// </summary>
internal sealed class HostKeyRefusedException(string message) : AbortException(message);
