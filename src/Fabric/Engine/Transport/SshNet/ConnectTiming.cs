using System.Diagnostics;
using System.Globalization;
using Renci.SshNet;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// Where a connection's set-up time went, for a debug line: TCP, version exchange and key exchange (until the
/// host key arrives), the known_hosts check, then new keys and authentication; with the algorithms negotiated.
/// </summary>
internal sealed class ConnectTiming
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _keyExchanged;
    private TimeSpan _hostKeyChecked;

    public void KeyExchanged() => _keyExchanged = _clock.Elapsed;

    public void HostKeyChecked() => _hostKeyChecked = _clock.Elapsed;

    public string Describe(ConnectionInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var total = _clock.Elapsed;
        var mac = string.IsNullOrEmpty(info.CurrentClientHmacAlgorithm) ? "" : $", mac {info.CurrentClientHmacAlgorithm}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"connected in {total.TotalMilliseconds:0} ms (tcp + key exchange {_keyExchanged.TotalMilliseconds:0} ms, host key check {(_hostKeyChecked - _keyExchanged).TotalMilliseconds:0} ms, auth {(total - _hostKeyChecked).TotalMilliseconds:0} ms); kex {info.CurrentKeyExchangeAlgorithm}, host key {info.CurrentHostKeyAlgorithm}, cipher {info.CurrentClientEncryption}{mac}");
    }
}
