// The tasks of ntrrgc/lasana_distributed_deploy's lasana_index.py (see Fabfile.cs).
//
// What differs:
// - The original patches fabric.contrib.files.sed at import (sed_monkeypatch.py, "sed() is broken!": its Fabric's sed
//   ran through a shell and mangled the quotes); Sed needs no patch.
// - upload_template(…, use_jinja=True, template_dir='templates/dns_server') is UploadTemplate(…, templateDir: …).
// - contains(pg_hba, regex, escape=False), a line of the five fields with any whitespace between them, has no
//   counterpart (Contains takes text, not a pattern): the port looks for the line as append writes it, fields
//   separated by tabs.
using Fabric;
using static Fabric.Api;
using static Lasana.Fabfile;

namespace Lasana;

/// <summary>The index machine: DNS for lasa.nya and the PostgreSQL database every node uses.</summary>
public static class LasanaIndex
{
    /// <summary>Sets up the index machine: its name, DNS and database.</summary>
    [Task]
    [Roles("index")]
    public static void SetupIndex()
    {
        LasanaCommon.SetHostname("s0");
        SetupDns();
        SetupSql();
    }

    /// <summary>Installs bind9 and serves the lasa.nya zone, open to the nodes' dynamic updates.</summary>
    [Task]
    public static void SetupDns()
    {
        using (Machine())
        {
            Run("aptitude install -y bind9 bind9utils", pty: false);

            // bind's folder must be writable by its group for dynamic updates.
            Run($"chmod g+w {At("/etc/bind")}");

            var context = new Dictionary<string, object?> { ["ip_address"] = LasanaCommon.GetIpAddress() };

            using (Cd(At("/etc/bind")))
            {
                UploadTemplate("named.conf.local", "named.conf.local", context, templateDir: "templates/dns_server");
                UploadTemplate("db.lasa.nya", "db.lasa.nya", context, templateDir: "templates/dns_server");
            }

            Run("service bind9 restart", pty: false);
        }
    }

    /// <summary>Installs PostgreSQL, opens it to the nodes, and creates the lasana user and database.</summary>
    [Task]
    public static void SetupSql()
    {
        using (Machine())
        {
            Run("aptitude install -y postgresql");

            var cluster = At("/etc/postgresql/8.4/main");

            // Allow connections from the Internet.
            Sed($"{cluster}/postgresql.conf", "^#(listen_addresses = ').*('.*)$", @"\1*\2");

            // Let the lasana user log in to the lasana database from any IPv4 address.
            var wantedAuth = string.Join('\t', "host", "lasana", "lasana", "0.0.0.0/0", "md5");
            if (!Contains($"{cluster}/pg_hba.conf", wantedAuth))
            {
                Append($"{cluster}/pg_hba.conf", wantedAuth);
            }
            else
            {
                Print("lasana is already allowed to login");
            }

            Run("service postgresql restart", pty: false);

            string[] sqlCommands =
            [
                "create user lasana with login encrypted password 'cremosa';",
                "create database lasana with owner=lasana template=template0 encoding='utf-8' lc_collate='es_ES.utf8' lc_ctype='es_ES.utf-8';",
                "\\connect lasana",
                "create table syncdb_mutex (); alter table syncdb_mutex owner to lasana;",
                "create table registernode_mutex (); alter table registernode_mutex owner to lasana;",
            ];
            Run($"su - postgres -c psql << EOF\n{string.Join('\n', sqlCommands)}\nEOF");
        }
    }

    /// <summary>Adds node <paramref name="name"/> at <paramref name="ipAddress"/> to the lasa.nya zone (and to the round robin of lasa.nya).</summary>
    [Task]
    public static void RegisterNodeInDns(string name, string ipAddress)
    {
        string[] dnsCommands =
        [
            $"update add {name}.lasa.nya. 86400 IN A {ipAddress}",
            $"update add lasa.nya. 86400 IN A {ipAddress}",
            "send",
        ];
        using (Machine())
        {
            Run($"nsupdate -v -k {At("/etc/bind/rndc.key")} << EOF\n{string.Join('\n', dnsCommands)}\nEOF");
        }
    }
}
