// Part of the port of nonZero/OpenGLAM's fab_tools/server.py (see Fabfile.cs): its _setup_opendkim and
// setup_opendkim_host helpers, after the DigitalOcean guide the original links to.
using static Fabric.Api;
using static OpenglamServer.Fabfile;

namespace OpenglamServer;

/// <summary>OpenDKIM's configuration: the daemon, postfix's milter, the trusted hosts, and one signing domain.</summary>
internal static class Opendkim
{
    /// <summary>Appends the daemon's settings (conf/opendkim.conf), its socket, postfix's milter settings and the trusted hosts.</summary>
    public static void Setup()
    {
        Append(At("/etc/opendkim.conf"), File.ReadAllText("conf/opendkim.conf").TrimEnd('\n'), useSudo: true);

        Append(At("/etc/default/opendkim"), "SOCKET=\"inet:12301@localhost\"", useSudo: true);

        string[] milter =
        [
            "milter_protocol = 2",
            "milter_default_action = accept",
            "smtpd_milters = inet:localhost:12301",
            "non_smtpd_milters = inet:localhost:12301",
        ];
        Append(At("/etc/postfix/main.cf"), milter, useSudo: true);

        Sudo($"mkdir -pv {At("/etc/opendkim/keys")}");

        Append(At("/etc/opendkim/TrustedHosts"), ["127.0.0.1", "localhost"], useSudo: true);
    }

    /// <summary>Signs the mail of <paramref name="host"/>: its key, key table and signing table entries; prints the DNS record to publish.</summary>
    public static void SetupHost(string host)
    {
        Sudo($"mkdir -pv {At("/etc/opendkim/keys")}");

        Append(At("/etc/opendkim/TrustedHosts"), host, useSudo: true);
        Append(At("/etc/opendkim/KeyTable"), $"mail._domainkey.{host} {host}:mail:/etc/opendkim/keys/{host}/mail.private", useSudo: true);
        Append(At("/etc/opendkim/SigningTable"), $"*@{host} mail._domainkey.{host}", useSudo: true);

        var keys = At($"/etc/opendkim/keys/{host}");
        Sudo($"mkdir -pv {keys}");
        string record;
        using (Cd(keys))
        {
            Sudo($"opendkim-genkey -s mail -d {host}");
            Sudo("chown opendkim:opendkim mail.private");
            record = Sudo("cat mail.txt");
        }

        Sudo("service postfix restart");
        Sudo("service opendkim restart");

        Print(record);
    }
}
