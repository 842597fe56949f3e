using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of nonZero/OpenGLAM's fab_tools/server.py (tests/fabfiles/ports/openglam-server): a site's server configured into a folder standing for its "/", logged in as an account of
/// its own (<c>fabog</c>) whose sudo needs no password, as the original's account's did (it runs <c>run("sudo …")</c>).
/// The folder's usr/bin holds stand-ins for nginx, service, supervisorctl, opendkim-genkey and chown, which record their
/// command lines, and a sudo that runs them (anything else goes to the real sudo).
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class OpenglamServerTests : IDisposable
{
    private const string Account = "fabog";
    private const string Vhost = "oglam.test";
    private readonly PortedFabfile _fab;
    private readonly string _root = Directory.CreateTempSubdirectory("port-openglam-").FullName;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("port-openglam-work-");
    private readonly string _config;

    public OpenglamServerTests(SshdFixture sshd)
    {
        _fab = new PortedFabfile(sshd, "openglam-server");
        TestAccounts.Ensure(Account, "/bin/bash", withPassword: false);
        TestAccounts.EnsureSudoers("fabric-tests-ports-openglam", $"{Account} ALL=(ALL:ALL) NOPASSWD: ALL");
        Directory.CreateDirectory(Path.Combine(_work.FullName, "conf"));
        foreach (var file in Directory.GetFiles(Path.Combine(_fab.Project, "conf")))
        {
            File.Copy(file, Path.Combine(_work.FullName, "conf", Path.GetFileName(file)));
        }

        _config = Path.Combine(_work.FullName, "ssh_config");
        File.WriteAllText(_config, $"Host {Vhost}\n  HostName {SshdFixture.Address(0)}\n  Port {sshd.Port}\n");
        Machine();
    }

    private string CodeDir => At($"home/{Account}/OpenGLAM");

    [Fact]
    public async Task The_web_stack_is_configured_from_the_templates_and_enabled()
    {
        var result = await Fab("prod", "nginx-setup", "gunicorn-setup", "supervisor-setup", "project-mkdirs", "status");

        Assert.True(result.ExitCode == 0, result.ToString());
        var nginx = File.ReadAllText(Path.Combine(CodeDir, "conf", "nginx.conf"));
        Assert.Contains($"server_name www.{Vhost};", nginx, StringComparison.Ordinal);
        Assert.Contains($"server_name {Vhost};", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_pass http://127.0.0.1:9099;", nginx, StringComparison.Ordinal);
        Assert.Contains($"root {CodeDir}/static;", nginx, StringComparison.Ordinal);
        Assert.Contains("    server_names_hash_bucket_size 64;", File.ReadAllLines(At("etc/nginx/nginx.conf")));
        Assert.False(File.Exists(At("etc/nginx/sites-enabled/default")));
        Assert.Equal(At($"etc/nginx/sites-available/{Account}.conf"), new FileInfo(At($"etc/nginx/sites-enabled/{Account}.conf")).LinkTarget);
        Assert.Equal(Path.Combine(CodeDir, "conf", "nginx.conf"), new FileInfo(At($"etc/nginx/sites-available/{Account}.conf")).LinkTarget);
        Assert.Contains($"source {At($"home/{Account}/.virtualenvs/oglam")}/bin/activate", File.ReadAllText(Path.Combine(CodeDir, "server.sh")), StringComparison.Ordinal);
        Assert.Equal("777", Stat("%a", Path.Combine(CodeDir, "server.sh")));
        Assert.Contains($"[program:{Account}]", File.ReadAllText(Path.Combine(CodeDir, "conf", "supervisor.conf")), StringComparison.Ordinal);
        Assert.True(File.Exists(At($"etc/supervisor/conf.d/{Account}.conf")));
        Assert.True(Directory.Exists(Path.Combine(CodeDir, "logs")));
        Assert.True(Directory.Exists(Path.Combine(CodeDir, "uploads")));
        Assert.Equal(
            ["nginx -t", "service nginx reload", "supervisorctl reread", "supervisorctl update", $"chown -v {Account} uploads", "supervisorctl status"],
            File.ReadAllLines(At("var/log/commands.log")));
    }

    [Fact]
    public async Task Mail_setup_comments_appends_once_and_signs_the_sites_domain_even_when_run_twice()
    {
        var first = await Fab("prod", "setup-postfix", "setup-opendkim");
        var second = await Fab("prod", "setup-postfix", "setup-opendkim");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var mainCf = File.ReadAllLines(At("etc/postfix/main.cf"));
        Assert.Contains("#smtpd_use_tls=yes", mainCf);
        Assert.DoesNotContain("smtpd_use_tls=yes", mainCf);
        foreach (var line in new[] { "smtp_tls_security_level=may", "milter_protocol = 2", "non_smtpd_milters = inet:localhost:12301" })
        {
            Assert.Single(mainCf, line);
        }

        Assert.Single(File.ReadAllLines(At("etc/opendkim.conf")), "Socket                  inet:12301@localhost");
        Assert.Single(File.ReadAllLines(At("etc/default/opendkim")), "SOCKET=\"inet:12301@localhost\"");
        Assert.Equal(["127.0.0.1", "localhost", Vhost], File.ReadAllLines(At("etc/opendkim/TrustedHosts")));
        Assert.Equal([$"mail._domainkey.{Vhost} {Vhost}:mail:/etc/opendkim/keys/{Vhost}/mail.private"], File.ReadAllLines(At("etc/opendkim/KeyTable")));
        Assert.Equal([$"*@{Vhost} mail._domainkey.{Vhost}"], File.ReadAllLines(At("etc/opendkim/SigningTable")));
        Assert.True(File.Exists(At($"etc/opendkim/keys/{Vhost}/mail.private")));
        Assert.Contains($"[{Vhost}] mail._domainkey IN TXT ( \"v=DKIM1; k=rsa; p=STANDIN\" )", second.StdoutLines);
    }

    [Fact]
    public async Task Certificate_scripts_are_written_as_root_and_the_certificates_backed_up_per_host()
    {
        PortedFabfile.AsRoot($"mkdir -p '{At("home/le")}' '{At("home/certbot/conf/live")}' && echo 'KEY' > '{At("home/certbot/conf/live/privkey.pem")}' && chmod -R go-rwx '{At("home/certbot")}'");

        var result = await Fab("prod", "le-create-scripts", "backup-cert");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"./letsencrypt-auto certonly --standalone -d {Vhost}", File.ReadAllText(At("home/le/renew.sh")), StringComparison.Ordinal);
        Assert.Equal("755 root", Stat("%a %U", At("home/le/auto-renew.sh")));
        var backup = Directory.EnumerateFiles(Path.Combine(_work.FullName, Vhost, "certbot"), "privkey.pem", SearchOption.AllDirectories).Single();
        Assert.Equal("KEY\n", File.ReadAllText(backup));
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        _work.Delete(recursive: true);
    }

    /// <summary>Runs the tool in a folder standing for the site's checkout (the original runs from it: its templates are conf/…).</summary>
    private Task<FabResult> Fab(params string[] args) =>
        _fab.RunAsync(_work.FullName, ["--ssh-config-path", _config, "--set", $"root={_root},user={Account},webuser={Account},vhost={Vhost}", .. args]);

    private string At(string relative) => Path.Combine(_root, relative);

    private static string Stat(string format, string path) => PortedFabfile.AsRoot($"stat -c '{format}' '{path}'").Trim();

    /// <summary>The folder standing for the server's "/": nginx, supervisor, postfix and OpenDKIM as a fresh install leaves them, the site's checkout, and the stand-ins.</summary>
    private void Machine()
    {
        foreach (var dir in new[] { "etc/nginx/sites-available", "etc/nginx/sites-enabled", "etc/supervisor/conf.d", "etc/postfix", "etc/default", "usr/bin", "var/log" })
        {
            Directory.CreateDirectory(At(dir));
        }

        File.WriteAllText(At("etc/nginx/nginx.conf"), "http {\n    # server_names_hash_bucket_size 64;\n    include /etc/nginx/sites-enabled/*;\n}\n");
        File.WriteAllText(At("etc/nginx/sites-enabled/default"), "server { listen 80 default_server; }\n");
        File.WriteAllText(At("etc/postfix/main.cf"), "myhostname = oglam\nsmtpd_use_tls=yes\nsmtpd_tls_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\n");
        File.WriteAllText(At("etc/opendkim.conf"), "Syslog yes\n");
        File.WriteAllText(At("etc/default/opendkim"), "# defaults for opendkim\n");
        var log = At("var/log/commands.log");
        var record = $"echo \"$(basename \"$0\") $*\" >> '{log}'\n";
        foreach (var name in new[] { "nginx", "service", "supervisorctl", "chown" })
        {
            StandIn(name, record);
        }

        StandIn("opendkim-genkey", record + "echo 'private' > mail.private\necho 'mail._domainkey IN TXT ( \"v=DKIM1; k=rsa; p=STANDIN\" )' > mail.txt\n");
        StandIn("sudo", "here=$(dirname \"$0\")\ncase \"$1\" in\n  nginx|service|supervisorctl|chown|opendkim-genkey) exec \"$here/$@\" ;;\nesac\nexec /usr/bin/sudo \"$@\"\n");
        PortedFabfile.AsRoot(
            $"chmod 755 '{_root}' && touch '{log}' && chmod 666 '{log}' && mkdir -p '{CodeDir}/conf' && chown -R {Account}: '{At($"home/{Account}")}'");
    }

    private void StandIn(string name, string body)
    {
        File.WriteAllText(At($"usr/bin/{name}"), "#!/bin/sh\n" + body);
        PortedFabfile.AsRoot($"chmod 755 '{At($"usr/bin/{name}")}'");
    }
}
