// The tasks of nonZero/OpenGLAM's fab_tools/server.py (see Fabfile.cs for the port as a whole).
//
// What differs, task by task:
// - upload_template(…, use_jinja=True) is UploadTemplate(…) with the same context (Liquid reads the Jinja templates'
//   {{ name }} as they are); mode=0o777 is mode: "0777".
// - append(file, [lines…]) is Append(file, [lines…]).
// - put(StringIO(text), remote) is Put(stream, remote): PutText below makes the stream of the text.
// - get(remote, "%(host)s/certbot/%(path)s") is Get(remote, "{host}/certbot/{path}").
// - `print(…)` is Print(…).
// - The crontab's MAILTO (a person's address in the original) is root.
using System.Text;
using Fabric;
using static Fabric.Api;
using static OpenglamServer.Fabfile;

namespace OpenglamServer;

/// <summary>Configuring the site's server.</summary>
public static class Server
{
    private static string AutoRenewScript => At("/home/certbot/auto-renew.sh");

    /// <summary>Generates an SSH key for the login user.</summary>
    [Task]
    public static void CreateKeys() => Run("ssh-keygen");

    /// <summary>Shows the login user's public key.</summary>
    [Task]
    public static void ShowPubkey() => Run("cat .ssh/id_rsa.pub");

    /// <summary>Shows the host's kernel.</summary>
    [Task]
    public static void HostType() => Run("uname -s");

    /// <summary>Restarts the site's supervisor program.</summary>
    [Task]
    public static void HardReload()
    {
        using (Machine())
        {
            Run($"sudo supervisorctl restart {WebUser}");
        }
    }

    /// <summary>Stops and starts supervisor.</summary>
    [Task]
    public static void VeryHardReload()
    {
        using (Machine())
        {
            Run("sudo service supervisor stop");
            Run("sudo service supervisor start");
        }
    }

    /// <summary>Shows the last <paramref name="n"/> lines of the site's logs.</summary>
    [Task]
    public static void Log(int n = 50) => Run($"tail -n{n} {LogDir}*");

    /// <summary>Creates the web user and its database.</summary>
    [Task]
    public static void CreateWebuserAndDb()
    {
        using (Machine())
        {
            Run($"sudo adduser {WebUser} --gecos '' --disabled-password");
            Run($"sudo -iu postgres createuser {WebUser} -S -D -R");
            Run($"sudo -iu postgres createdb {WebUser} -O {WebUser}");
            Run($"sudo -iu postgres psql -c \"alter user {WebUser} with password '{WebUser}';\"");
        }
    }

    /// <summary>Configures nginx for the site: its server blocks from the template, enabled, checked and reloaded.</summary>
    [Task]
    public static void NginxSetup()
    {
        var available = At($"/etc/nginx/sites-available/{WebUser}.conf");
        var enabled = At($"/etc/nginx/sites-enabled/{WebUser}.conf");
        using (Machine())
        {
            using (Cd(CodeDir))
            {
                UploadTemplate("conf/nginx.conf.template", CodeDir + "conf/nginx.conf", new Dictionary<string, object?>
                {
                    ["host"] = Vhost,
                    ["redirect_host"] = RedirectHost,
                    ["dir"] = CodeDir,
                    ["port"] = GunicornPort,
                });
            }

            Uncomment(At("/etc/nginx/nginx.conf"), @"server_names_hash_bucket_size\s+64", useSudo: true);

            Run($"sudo rm -f {At("/etc/nginx/sites-enabled/default")}");
            Run($"sudo ln -fs {CodeDir}conf/nginx.conf {available}");
            Run($"sudo ln -fs {available} {enabled}");

            Run("sudo nginx -t");
            Run("sudo service nginx reload");
        }
    }

    /// <summary>Writes the script that starts gunicorn, from its template.</summary>
    [Task]
    public static void GunicornSetup()
    {
        using (Cd(CodeDir))
        {
            UploadTemplate("conf/server.sh.template", CodeDir + "server.sh", new { venv = VenvDir, port = GunicornPort, pidfile = PidFile }, mode: "0777");
        }
    }

    /// <summary>Writes the site's supervisor program from its template, links it in and tells supervisor.</summary>
    [Task]
    public static void SupervisorSetup()
    {
        using (Machine())
        using (Cd(CodeDir))
        {
            UploadTemplate("conf/supervisor.conf.template", CodeDir + "conf/supervisor.conf", new { dir = CodeDir, webuser = WebUser, logdir = LogDir }, mode: "0777");

            Run($"sudo ln -fs {CodeDir}conf/supervisor.conf {At($"/etc/supervisor/conf.d/{WebUser}.conf")}");
            Run("sudo supervisorctl reread");
            Run("sudo supervisorctl update");
        }
    }

    /// <summary>Creates empty directories for logs, uploads and search indexes.</summary>
    [Task]
    public static void ProjectMkdirs()
    {
        using (Machine())
        using (Cd(CodeDir))
        {
            Run($"mkdir -pv {LogDir}");

            const string dirs = "uploads";
            Run($"mkdir -pv {dirs}");
            Run($"sudo chown -v {WebUser} {dirs}");
        }
    }

    /// <summary>Shows supervisor's programs.</summary>
    [Task]
    public static void Status()
    {
        using (Machine())
        {
            Run("sudo supervisorctl status");
        }
    }

    /// <summary>Writes the Let's Encrypt renewal scripts into ~le.</summary>
    [Task]
    public static void LeCreateScripts()
    {
        using var machine = Machine();
        PutText($"#!/bin/bash\ncd ~/letsencrypt/\nsudo service nginx stop\n./letsencrypt-auto certonly --standalone -d {Vhost}\nsudo service nginx start", At("/home/le/renew.sh"), useSudo: true);
        PutText(
            $"#!/bin/bash\ncd ~/letsencrypt/\n./letsencrypt-auto certonly -a webroot --agree-tos --renew-by-default --webroot-path=/home/le/webroot -d {Vhost}\nsudo service nginx reload",
            At("/home/le/auto-renew.sh"),
            useSudo: true);

        Sudo($"chown le:le {At("/home/le/renew.sh")} {At("/home/le/auto-renew.sh")}");
        Sudo($"chmod +x {At("/home/le/renew.sh")} {At("/home/le/auto-renew.sh")}");
    }

    /// <summary>Downloads certbot's configuration (accounts, certificates, keys) into HOST/certbot/.</summary>
    [Task]
    public static void BackupCert() => Get(At("/home/certbot/conf/"), "{host}/certbot/{path}", useSudo: true);

    /// <summary>Hands certbot's folder to certbot and reloads nginx.</summary>
    [Task]
    public static void GetCert()
    {
        using (Machine())
        {
            Sudo($"chown -vR certbot {At("/home/certbot/")}");
            Sudo("service nginx reload");
        }
    }

    /// <summary>Renews the certificate and reloads nginx.</summary>
    [Task]
    public static void RenewCert()
    {
        using (Machine())
        {
            using (Cd(At("/home/certbot/")))
            {
                Sudo(AutoRenewScript, user: "certbot");
            }

            Sudo("service nginx reload");
        }
    }

    /// <summary>Installs certbot's crontab.</summary>
    [Task]
    public static void SetupCertbotCrontab()
    {
        PutText($"MAILTO=root\n0 0 1 FEB,APR,JUN,AUG,OCT,DEC * {AutoRenewScript}", "/tmp/crontab", useSudo: false);
        Run("sudo -iu certbot crontab < /tmp/crontab");
    }

    /// <summary>Sets up OpenDKIM and signs mail of the site's domain.</summary>
    [Task]
    public static void SetupOpendkim()
    {
        using (Machine())
        {
            Opendkim.Setup();
            Opendkim.SetupHost(Vhost);
        }
    }

    /// <summary>Lets postfix use TLS when it can, and restarts it.</summary>
    [Task]
    public static void SetupPostfix()
    {
        using (Machine())
        {
            Comment(At("/etc/postfix/main.cf"), "^smtpd_use_tls=yes$", useSudo: true);
            Append(At("/etc/postfix/main.cf"), ["smtp_tls_security_level=may", "smtpd_tls_security_level=may"], useSudo: true);
            Sudo("service postfix restart");
        }
    }

    /// <summary>Puts <paramref name="text"/> as the file <paramref name="remote"/>, as put(StringIO(text), remote).</summary>
    private static void PutText(string text, string remote, bool useSudo) =>
        Put(new MemoryStream(Encoding.UTF8.GetBytes(text)), remote, useSudo: useSudo);
}
