using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of ntrrgc/lasana_distributed_deploy (tests/fabfiles/ports/lasana): an index (test host 0) and two nodes (test hosts 1 and 2), logged in with the
/// password the fabfile sets (no key), each machine deployed into a folder of its own standing for its "/" (the
/// fabfile's <c>{host}</c> root), whose usr/bin holds stand-ins for the programs that would change the machine. The
/// nodes clone the site from a local git repository.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class LasanaTests : IDisposable
{
    private readonly PortedFabfile _fab;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("port-lasana-");

    public LasanaTests(SshdFixture sshd)
    {
        _fab = new PortedFabfile(sshd, "lasana", key: false);
        foreach (var folder in new[] { "packages", "templates" })
        {
            PortedFabfile.AsRoot($"cp -a '{Path.Combine(_fab.Project, folder)}' '{_work.FullName}/'");
        }

        Repository();
        for (var i = 0; i < 3; i++)
        {
            Machine(i);
        }

        PortedFabfile.AsRoot($"chmod 755 '{_work.FullName}' && chown -R {SshdFixture.TestUser}: '{Path.Combine(_work.FullName, "machines")}' '{Path.Combine(_work.FullName, "lasana.git")}'");
    }

    private string Index => _fab.Host(0, SshdFixture.TestUser);

    private string Node(int i) => _fab.Host(1 + i, SshdFixture.TestUser);

    [Fact]
    public async Task Full_deploy_sets_up_the_index_then_each_node_which_registers_its_name_in_the_index_dns()
    {
        var result = await Fab("full-deploy");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(SshdFixture.TestUserPassword, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains(".pip/pip.conf", PortedFabfile.AsRoot($"tar tzf '{_work.FullName}/packages/lasana_node_home.tar.gz'"), StringComparison.Ordinal);

        // The index: its name, its zone from the templates, PostgreSQL opened to the nodes, the database created.
        Assert.Equal("s0\n", File.ReadAllText(At(0, "etc/hostname")));
        Assert.Contains("served by the index node (127.0.0.2)", File.ReadAllText(At(0, "etc/bind/named.conf.local")), StringComparison.Ordinal);
        Assert.Contains("s0  IN  A   127.0.0.2", File.ReadAllLines(At(0, "etc/bind/db.lasa.nya")));
        Assert.Contains("listen_addresses = '*'\t\t# what IP address(es) to listen on;", File.ReadAllLines(At(0, "etc/postgresql/8.4/main/postgresql.conf")));
        Assert.True(File.Exists(At(0, "etc/postgresql/8.4/main/postgresql.conf.bak")));
        Assert.Single(File.ReadAllLines(At(0, "etc/postgresql/8.4/main/pg_hba.conf")), "host\tlasana\tlasana\t0.0.0.0/0\tmd5");
        var index = File.ReadAllText(At(0, "var/log/commands.log"));
        Assert.Contains("create user lasana with login encrypted password 'cremosa';", index, StringComparison.Ordinal);
        Assert.Contains("update add s3.lasa.nya. 86400 IN A 127.0.0.3", index, StringComparison.Ordinal);
        Assert.Contains("update add s4.lasa.nya. 86400 IN A 127.0.0.4", index, StringComparison.Ordinal);

        // Each node: the home unpacked, the virtualenv, the site cloned and set up, named after its id, started.
        for (var i = 1; i <= 2; i++)
        {
            Assert.True(File.Exists(At(i, "lasana/manage.py")));
            Assert.True(File.Exists(At(i, "lasana/env/bin/activate")));
            Assert.Equal("the distributed branch\n", File.ReadAllText(At(i, "lasana/lasana/README")));
            Assert.Equal($"s{2 + i}\n", File.ReadAllText(At(i, "etc/hostname")));
            Assert.True(File.Exists(At(i, "etc/lighttpd/lighttpd.conf")));
            var node = File.ReadAllLines(At(i, "var/log/commands.log"));
            Assert.Contains("pip install -r requirements.txt", node);
            Assert.Contains("python manage.py collectstatic --noinput", node);
            Assert.Contains("update-rc.d lasana defaults", node);
        }

        Assert.Single(result.StdoutLines, l => l == $"[{Index}] Executing task 'setup-index'");
        Assert.Equal(2, result.StdoutLines.Count(l => l == $"[{Index}] Executing task 'register-node-in-dns'"));
        Assert.Contains($"[{Node(0)}] Executing task 'setup-node'", result.StdoutLines);
        Assert.Contains($"[{Node(1)}] Executing task 'setup-node'", result.StdoutLines);
    }

    [Fact]
    public async Task Setup_sql_run_again_finds_the_login_rule_and_does_not_add_it_twice()
    {
        var first = await Fab("-H", Index, "setup-sql");
        var second = await Fab("-H", Index, "setup-sql");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"[{Index}] lasana is already allowed to login", second.StdoutLines);
        Assert.Single(File.ReadAllLines(At(0, "etc/postgresql/8.4/main/pg_hba.conf")), "host\tlasana\tlasana\t0.0.0.0/0\tmd5");
    }

    [Fact]
    public async Task Setup_node_without_the_home_package_aborts_before_touching_the_node()
    {
        var result = await Fab("setup-node:" + Index);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("lasana_node_home.tar.gz does not exist", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(At(1, "var/log/commands.log")) && File.ReadAllText(At(1, "var/log/commands.log")).Length > 0);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private Task<FabResult> Fab(params string[] args) => _fab.RunAsync(_work.FullName, [
        "--set",
        $"index={Index},nodes={Node(0)};{Node(1)},user={SshdFixture.TestUser},password={SshdFixture.TestUserPassword}," +
        $"root={_work.FullName}/machines/{{host}},lasana_user={SshdFixture.TestUser},repo={_work.FullName}/lasana.git",
        .. args]);

    private string At(int machine, string relative) => Path.Combine(_work.FullName, "machines", SshdFixture.Address(machine), relative);

    /// <summary>The site's repository, with the branch the nodes clone.</summary>
    private void Repository()
    {
        var seed = Path.Combine(_work.FullName, "seed");
        PortedFabfile.AsRoot($"""
            git init -q --bare -b master '{_work.FullName}/lasana.git' && git init -q -b distributed '{seed}' && cd '{seed}' &&
            echo 'the distributed branch' > README && git add README && git -c user.name=port -c user.email=port@localhost commit -q -m distributed &&
            git push -q '{_work.FullName}/lasana.git' distributed && rm -rf '{seed}'
            """);
    }

    /// <summary>Test host <paramref name="machine"/>'s folder: a fresh Debian's bind and PostgreSQL files, and the stand-ins, each recording its command line (and input) in var/log/commands.log.</summary>
    private void Machine(int machine)
    {
        foreach (var dir in new[] { "etc/bind", "etc/postgresql/8.4/main", "etc/init.d", "etc/lighttpd", "usr/bin", "var/log" })
        {
            Directory.CreateDirectory(At(machine, dir));
        }

        File.WriteAllText(At(machine, "etc/postgresql/8.4/main/postgresql.conf"), "#listen_addresses = 'localhost'\t\t# what IP address(es) to listen on;\nport = 5432\n");
        File.WriteAllText(At(machine, "etc/postgresql/8.4/main/pg_hba.conf"), "local\tall\tpostgres\t\tident\nhost\tall\tall\t127.0.0.1/32\tmd5\n");
        var log = At(machine, "var/log/commands.log");
        var record = $"echo \"$(basename \"$0\") $*\" >> '{log}'\n";
        foreach (var name in new[] { "aptitude", "service", "chown", "update-rc.d" })
        {
            StandIn(machine, name, record);
        }

        StandIn(machine, "useradd", record + "exit 9\n");
        StandIn(machine, "hostname", $"[ \"$1\" = -I ] && {{ echo '{SshdFixture.Address(machine)} '; exit 0; }}\n" + record);
        StandIn(machine, "nsupdate", record + $"cat >> '{log}'\n");
        StandIn(machine, "su", record + $"cat >> '{log}'\n");
        StandIn(machine, "venv-tool", record + $"[ \"$2\" = registernode ] && echo {2 + machine} > nodeid\nexit 0\n");
        StandIn(machine, "virtualenv", record + $"""
            mkdir -p "$2/bin" && echo "export PATH=\"$(pwd)/$2/bin:\$PATH\"" > "$2/bin/activate"
            for tool in pip python django-admin.py; do cp '{At(machine, "usr/bin/venv-tool")}' "$2/bin/$tool"; done

            """);
    }

    private void StandIn(int machine, string name, string body)
    {
        File.WriteAllText(At(machine, $"usr/bin/{name}"), "#!/bin/sh\n" + body);
        PortedFabfile.AsRoot($"chmod 755 '{At(machine, $"usr/bin/{name}")}'");
    }
}
