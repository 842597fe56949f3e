// A port of a public Fabric 1.x fabfile, written anew in C#: kind "provisioning".
//
// Modelled on: fabrique/ubuntu-boilerplate, fabfile.py: one `install` task that makes a freshly created Ubuntu server
// ready for deployment. It asks the server's name and which extras to install (PostgreSQL, MySQL, nginx, memcached,
// Redis, RabbitMQ, supervisor; the `web` flavour picks them without asking), upgrades the packages, uploads sudoers,
// bashrc files, firewall rules and sshd_config from the fabfile's folder with their modes, sets locale, time zone and
// host name, creates the `fabrique` account with an SSH key and the team's authorized_keys, uploads its dotfiles,
// celery and uWSGI configuration, and installs the build tools and the chosen extras.
//
// What differs:
// - The original logs in as root (`fab -H root@host install`) and runs everything with run(); this port logs in as an
//   account with sudo, so each of those is Sudo() and each put() is Put(useSudo: true). Its sudo('…', user='fabrique',
//   shell=False) stays Sudo(…, user: "fabrique", shell: false).
// - `--set root=DIR` provisions a folder standing for the machine's "/" instead of the machine itself (every system path
//   is written under it, and its usr/bin and usr/sbin come first on PATH, so that the tests can give it stand-in
//   apt-get, useradd, hostname, … that record what they were asked). Without it, it provisions the machine as the original.
// - The team's authorized_keys URL (a host of the original's) comes from `--set keys_url=…`.
// - The original's put('./dotfiles/', '/home/fabrique/') puts the folder *into* the home folder (Fabric 1.x sends a
//   local folder into a remote folder of its name, trailing slash or not), so its `chown -R … /home/fabrique/.vim`
//   finds nothing and aborts. This port does the same put, then chowns what it put, so the run goes on; the dotfiles
//   end up in ~fabrique/dotfiles, as they did with Fabric.
// - The original's `ssh-keygen -f /home/fabrique/.ssh/id_rsa` fails on a fresh account (ssh-keygen does not make the
//   folder): the port makes ~fabrique/.ssh first.
// - `env.host_string.split('@')[-1]` (the address for /etc/hosts) is Env.Host.
// - `print "Done with basic setup."` is Print(…), which prefixes the host.
using Fabric;
using static Fabric.Api;

namespace UbuntuBoilerplate;

/// <summary>Makes a fresh Ubuntu server ready for deployment.</summary>
public static class Fabfile
{
    private const string Account = "fabrique";

    /// <summary>The folder standing for the machine's "/": empty for the machine itself.</summary>
    private static string Root => (Env["root"] ?? "").TrimEnd('/');

    /// <summary>Installs the basics, and the extras of <paramref name="flavor"/> (<c>web</c>) or those confirmed one by one.</summary>
    [Task]
    public static void Install(string? flavor = null)
    {
        var serverName = Prompt("Server name: ", key: "server_name", @default: "NEWSERVER");
        var extras = flavor == "web" ? Extras.Web : Extras.Ask();

        using (Root.Length == 0 ? null : AddPath($"{Root}/usr/sbin:{Root}/usr/bin", PathBehavior.Prepend))
        {
            Basics(serverName);
            CreateAccount(serverName);
            Services();
            Tools();
            extras.Install();
        }

        Print("Done with basic setup.");
    }

    /// <summary>A system path under <see cref="Root"/>.</summary>
    internal static string At(string path) => Root + path;

    private static void Basics(string serverName)
    {
        Sudo("apt-get update -q");
        Sudo("apt-get upgrade -qy");
        Sudo("apt-get install git-core vim -qy");
        Sudo("update-alternatives --set editor /usr/bin/vim.basic");

        Put("./sudoers", At("/etc/sudoers"), useSudo: true, mode: "0440");

        Sudo("locale-gen en_US.UTF-8");
        Sudo("update-locale LANG=en_US.UTF-8");
        Sudo($"ln -sfn /usr/share/zoneinfo/Europe/Amsterdam {At("/etc/localtime")}");

        Put("./bash.bashrc", At("/etc/bash.bashrc"), useSudo: true, mode: "0644");
        Put("./root.bashrc", At("/root/.bashrc"), useSudo: true, mode: "0644");
        Put("./skel.bashrc", At("/etc/skel/.bashrc"), useSudo: true, mode: "0644");
        Sudo($"touch {At("/etc/skel/.hushlogin")}");

        Put("./iptables", At("/etc/network/iptables"), useSudo: true, mode: "0644");
        Put("./iptables-start", At("/etc/network/if-pre-up.d/iptables"), useSudo: true, mode: "0755");
        Sudo($"iptables-restore < {At("/etc/network/iptables")}");

        Put("./sshd_config", At("/etc/ssh/sshd_config"), useSudo: true, mode: "0644");

        Sudo($"hostname {serverName}");
        Sudo($"echo \"{Env.Host} {serverName}\" >> {At("/etc/hosts")}");
    }

    private static void CreateAccount(string serverName)
    {
        var home = At($"/home/{Account}");
        Sudo($"useradd {Account} -Um -s /bin/bash");

        // Its own SSH identity, and the team's keys to log in with.
        Sudo($"mkdir -p {home}/.ssh", user: Account);
        Sudo($"ssh-keygen -t rsa -f {home}/.ssh/id_rsa -C \"{Account}@{serverName}\" -q -N \"\"", user: Account, shell: false);
        var keys = Env["keys_url"] ?? "http://localhost/install/authorized_keys";
        Sudo($"wget \"{keys}\" -O \"{home}/.ssh/authorized_keys\"");
        Sudo($"chmod 644 {home}/.ssh/authorized_keys");
        Sudo($"chown {Account}: {home}/.ssh/authorized_keys");

        // Dotfiles.
        Put("./dotfiles/", home + "/", useSudo: true);
        Sudo($"chown {Account}:{Account} {home}/.*rc");
        Sudo($"chown -R {Account}:{Account} {home}/dotfiles");
    }

    private static void Services()
    {
        // Celery (configuration only).
        Put("./celerybeat.default", At("/etc/default/celerybeat"), useSudo: true, mode: "0644");
        Put("./celeryd.default", At("/etc/default/celeryd"), useSudo: true, mode: "0644");
        Put("./celerybeat.initd", At("/etc/init.d/celerybeat"), useSudo: true, mode: "0755");
        Put("./celeryd.initd", At("/etc/init.d/celeryd"), useSudo: true, mode: "0755");
        Sudo($"mkdir -p {At("/var/run/celery")}");
        Sudo($"chown www-data: {At("/var/run/celery")}");
    }

    private static void Tools()
    {
        Sudo("apt-get install build-essential gcc g++ make bash-completion htop -qy");

        // Python.
        Sudo("apt-get install python-software-properties python python-dev python-setuptools ipython python-imaging libjpeg-dev -qy");
        Sudo("easy_install pip");
        Sudo("pip install ipdb virtualenv");

        // Version control.
        Sudo("apt-get install git-core mercurial subversion -qy");

        // uWSGI.
        Sudo("pip install uwsgi");
        Sudo($"mkdir -p {At("/etc/uwsgi/vassals")}");
        Put("./uwsgi.conf", At("/etc/init/uwsgi.conf"), useSudo: true, mode: "0644");
        Sudo($"mkdir -p {At("/var/log/uwsgi")}");

        // Ruby.
        Sudo("apt-get install ruby rubygems ruby-compass -qy");
    }
}
