using Fabric.EndToEnd.Tests.Hosts;
using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of fabrique/ubuntu-boilerplate's fabfile.py (tests/fabfiles/ports/ubuntu-boilerplate): a server provisioned
/// through sudo, into a folder standing for its "/" whose apt-get, useradd, hostname, wget, … are stand-ins that record
/// what they were asked (so the machine running the tests is never changed).
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class UbuntuBoilerplateTests(SshdFixture sshd) : IDisposable
{
    private const string Account = "fabrique";
    private static readonly string Files = Repository.Path("tests", "fabfiles", "ports", "ubuntu-boilerplate", "files");
    private readonly PortedFabfile _fab = new(sshd, "ubuntu-boilerplate");
    private readonly string _root = MachineFolder();

    private string Log => Path.Combine(_root, "var", "log", "commands.log");

    [Fact]
    public async Task The_web_flavour_provisions_files_modes_account_and_extras_without_asking()
    {
        var result = await Install("install:flavor=web", "--set", $"root={_root},server_name=web1,keys_url=http://127.0.0.1/keys");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(Files, "sudoers")), File.ReadAllText(At("etc/sudoers")));
        Assert.Equal("440 root", Stat(At("etc/sudoers")));
        Assert.Equal("755 root", Stat(At("etc/network/if-pre-up.d/iptables")));
        Assert.Equal("/usr/share/zoneinfo/Europe/Amsterdam", new FileInfo(At("etc/localtime")).LinkTarget);
        Assert.Contains($"{SshdFixture.Address(0)} web1", File.ReadAllLines(At("etc/hosts")));
        Assert.Equal($"600 {Account}", Stat(At($"home/{Account}/.ssh/id_rsa")));
        Assert.Equal($"644 {Account}", Stat(At($"home/{Account}/.ssh/authorized_keys")));
        Assert.Equal("ssh-ed25519 AAAAteam team@keys\n", File.ReadAllText(At($"home/{Account}/.ssh/authorized_keys")));
        Assert.Equal($"644 {Account}", Stat(At($"home/{Account}/dotfiles/.vim/colors.vim")));
        Assert.Equal("755 www-data", Stat(At("var/run/celery")));
        Assert.True(File.Exists(At("etc/nginx/proxy_params")));
        var commands = File.ReadAllLines(Log);
        Assert.Contains("hostname web1", commands);
        Assert.Contains("wget http://127.0.0.1/keys -O " + At($"home/{Account}/.ssh/authorized_keys"), commands);
        Assert.Contains("apt-get install nginx -qy", commands);
        Assert.DoesNotContain(commands, c => c.Contains("postgresql", StringComparison.Ordinal));
        Assert.Equal($"[{Host}] Done with basic setup.", result.RunLines.Last(l => l.Contains("] Done", StringComparison.Ordinal)));
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_flavour_the_name_and_each_extra_are_asked_on_the_terminal()
    {
        using var terminal = _fab.OnTerminal(
            Files, "-p", SshdFixture.TestUserPassword, "-H", Host, "--set", $"root={_root},keys_url=http://127.0.0.1/keys", "install");

        await terminal.WaitForAsync($"[{Host}] Server name: [NEWSERVER]", PortedFabfile.Limit);
        terminal.TypeLine("db1");
        await terminal.WaitForAsync($"[{Host}] Install PostgreSQL? [y/N]", PortedFabfile.Limit);
        terminal.TypeLine("y");
        foreach (var extra in new[] { "MySQL", "NGINX", "Memcached", "Redis", "RabbitMQ", "Supervisor" })
        {
            await terminal.WaitForAsync($"Install {extra}? [y/N]", PortedFabfile.Limit);
            terminal.TypeLine("");
        }

        Assert.True(await terminal.ExitCodeAsync(PortedFabfile.Limit) == 0, terminal.Screen());
        var commands = File.ReadAllLines(Log);
        Assert.Contains("hostname db1", commands);
        Assert.Contains(commands, c => c.StartsWith("apt-get install libpq-dev postgresql-server-dev-9.3", StringComparison.Ordinal));
        Assert.DoesNotContain("apt-get install nginx -qy", commands);
        Assert.False(File.Exists(At("etc/nginx/nginx.conf")));
    }

    [Fact]
    public async Task Without_a_terminal_the_server_name_question_aborts_before_anything_is_done()
    {
        var result = await Install("install:flavor=web", "--set", $"root={_root}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Server name:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--set server_name=", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Log));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Host => _fab.Host(0, SshdFixture.TestUser);

    private Task<FabResult> Install(params string[] args) =>
        _fab.RunAsync(Files, ["-p", SshdFixture.TestUserPassword, "-H", Host, .. args]);

    private string At(string relative) => Path.Combine(_root, relative);

    private static string Stat(string path) => PortedFabfile.AsRoot($"stat -c '%a %U' '{path}'").Trim();

    /// <summary>
    /// A folder standing for a fresh server's "/" (root's, as the real one is): the folders a fresh Ubuntu has, and in its
    /// usr/bin stand-ins for the commands that would change the machine, each recording its command line in var/log/commands.log.
    /// </summary>
    private static string MachineFolder()
    {
        TestAccounts.Ensure(Account, "/bin/bash", withPassword: false);
        var root = Directory.CreateTempSubdirectory("port-boilerplate-").FullName;
        foreach (var dir in new[] { "etc/skel", "etc/network/if-pre-up.d", "etc/ssh", "etc/default", "etc/init.d", "etc/init", "etc/nginx", "home", "root", "usr/bin", "var/run", "var/log" })
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }

        File.WriteAllText(Path.Combine(root, "etc/skel/.profile"), "# skeleton profile\n");
        var record = $"echo \"$(basename \"$0\") $*\" >> '{root}/var/log/commands.log'\n";
        foreach (var command in new[] { "apt-get", "update-alternatives", "locale-gen", "update-locale", "iptables-restore", "hostname", "easy_install", "pip" })
        {
            Stub(root, command, record);
        }

        Stub(root, "useradd", record + $"cp -a '{root}/etc/skel' \"{root}/home/$1\" && chown -R \"$1:\" \"{root}/home/$1\"\n");
        Stub(root, "wget", record + "echo 'ssh-ed25519 AAAAteam team@keys' > \"$3\"\n");
        PortedFabfile.AsRoot($"chmod 755 '{root}'");
        return root;
    }

    private static void Stub(string root, string name, string body)
    {
        var file = Path.Combine(root, "usr", "bin", name);
        File.WriteAllText(file, "#!/bin/sh\n" + body);
        PortedFabfile.AsRoot($"chmod 755 '{file}'");
    }
}
