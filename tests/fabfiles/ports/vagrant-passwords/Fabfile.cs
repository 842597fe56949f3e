// A port of a public Fabric 1.x fabfile, written anew in C#: kind "multi-role".
//
// Modelled on: Tsujiba/Python-Sample, Python_Lab/python_infra_auto_configration/vagrant/ops/fab_project/fabfile.py: a
// practice fabfile for two Vagrant machines, `web` and `db`, both in env.hosts, each logged in as root with a password
// of its own from env.passwords (keyed "user@host:port"). `go` lists the login folder on every host. host_type (web)
// and hsot_files (db) are decorated with @roles but not @task, so once `go` is a @task they are not tasks at all (as
// the original's comment notes: only @task functions show in `fab --list`); the same rule holds here.
//
// What differs:
// - The original's machines (root@<private address>:22) and their passwords come from
//   `--set web=…,db=…,web_password=…,db_password=…`: host strings written in full, user@host:port, as the original writes
//   them, which are the keys of Env.Passwords.
using Fabric;
using static Fabric.Api;

namespace VagrantPasswords;

/// <summary>Two practice machines, web and db, each with its own password.</summary>
public static class Fabfile
{
    static Fabfile()
    {
        var web = Env["web"] ?? "";
        var db = Env["db"] ?? "";
        Env.Hosts = [web, db];
        Env.Passwords[web] = Env["web_password"] ?? "";
        Env.Passwords[db] = Env["db_password"] ?? "";
        Env.RoleDefs["web"] = [web];
        Env.RoleDefs["db"] = [db];
    }

    /// <summary>Shows the web machine's kernel (not a task: it lacks [Task] while another method has it).</summary>
    [Roles("web")]
    public static void HostType() => Run("uname -s");

    /// <summary>Lists the db machine's login folder (not a task either).</summary>
    [Roles("db")]
    public static void HsotFiles() => Run("ls -al");

    /// <summary>Lists the login folder on every machine.</summary>
    [Task]
    public static void Go() => Run("ls -al");
}
