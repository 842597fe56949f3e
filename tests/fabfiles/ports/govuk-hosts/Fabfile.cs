// A port of a public Fabric 1.x fabfile, written anew in C#: kind "multi-role" (choosing the machines of a role).
//
// Modelled on: alphagov/fabric-scripts, fabfile.py: the top of GOV.UK's operations fabfile. An environment task
// (`production`, `staging`, `integration`, `aws_staging`, `aws_production`) sets the jump box every connection goes
// through; selector tasks add machines to the host list by asking the jump box's `govuk_node_list` (all machines, a
// machine class, the machines with a puppet class, an application's or a node type's machines); `classes` lists the
// classes, `hosts` the machines selected; `do`/`sdo` run any command on them, plainly or with sudo. On load, it warns
// when the checkout has not been pulled for five days.
//
// What differs:
// - The environments' public domains are one `--set domain=…` (default publishing.service.test): production's jump
//   box is jumpbox.DOMAIN, staging's jumpbox.staging.DOMAIN, the AWS ones jumpbox.STACK.ENV.DOMAIN.
// - `with settings(host_string=env.gateway, gateway=None)` is Settings(hostString: Env.Gateway, gateway: "").
// - `env['aws_migration'] = False` is Env["aws_migration"] = "False": Env[...] holds strings.
// - `help:name` (printing a task's docstring through fabric.state.commands) has no counterpart: a task cannot read the
//   task table; `dotnet fab -d NAME` prints it.
// - `hosts` prints Env.Hosts, where the original asks Fabric's own task object for its host list
//   (state.commands['hosts'].get_hosts(…)): with no @hosts/@roles of its own, that is env.hosts.
// - `classes` prints after leaving its hide("everything"): Python's print is not an output group, but Print is ("user"),
//   and "everything" hides it.
// - The check of the checkout's age pulls or warns through Local() rather than GitPython.
using System.Text.RegularExpressions;
using Fabric;
using static Fabric.Api;

namespace GovukHosts;

/// <summary>Selects GOV.UK's machines for the tasks after it, through the environment's jump box.</summary>
public static class Fabfile
{
    // When to warn that the checkout has not been pulled recently.
    private static readonly TimeSpan RepoOutdatedTime = TimeSpan.FromDays(5);

    static Fabfile() => CheckRepoAge();

    private static string Domain => Env["domain"] ?? "publishing.service.test";

    /// <summary>Select production environment.</summary>
    [Task]
    public static void Production(string stackname = "blue") => Select("production", awsMigration: false, Domain);

    /// <summary>Select staging environment.</summary>
    [Task]
    public static void Staging(string stackname = "blue") => Select("staging", awsMigration: false, $"staging.{Domain}");

    /// <summary>Select integration environment.</summary>
    [Task]
    public static void Integration(string stackname = "blue") => Select("integration", awsMigration: true, $"{stackname}.integration.{Domain}");

    /// <summary>Select GOV.UK AWS Staging environment.</summary>
    [Task]
    public static void AwsStaging(string stackname = "blue") => Select("staging", awsMigration: true, $"{stackname}.staging.{Domain}");

    /// <summary>Select GOV.UK AWS Production environment.</summary>
    [Task]
    public static void AwsProduction(string stackname = "blue") => Select("production", awsMigration: true, $"{stackname}.production.{Domain}");

    /// <summary>Select all machines in current environment.</summary>
    [Task]
    public static void All() => Env.Hosts.AddRange(FetchHosts());

    /// <summary>Select a machine class.</summary>
    [Task("class")]
    public static void Klass(params string[] classNames)
    {
        foreach (var className in classNames)
        {
            Env.Hosts.AddRange(FetchHosts($"-c {className.Replace('-', '_')}"));
        }
    }

    /// <summary>Select all machines which include a given puppet class.</summary>
    [Task]
    [Serial]
    [Hosts("localhost")]
    public static void PuppetClass(params string[] classNames)
    {
        foreach (var className in classNames)
        {
            Env.Hosts.AddRange(FetchHosts($"-C {className}"));
        }
    }

    /// <summary>Select all machines which host a given application.</summary>
    [Task]
    [RunsOnce]
    public static void Application(string appName) => PuppetClass($"govuk::apps::{appName.Replace('-', '_')}");

    /// <summary>Select all machines of a given node type.</summary>
    [Task]
    public static void NodeType(string nodeName) => PuppetClass($"govuk::node::s_{nodeName.Replace('-', '_')}");

    /// <summary>List available classes.</summary>
    [Task]
    [RunsOnce]
    [Hosts("localhost")]
    public static void Classes()
    {
        string classes;
        using (Hide("everything"))
        {
            classes = Env["aws_migration"] != "True"
                ? string.Join("\n", FetchHosts().Select(host => Regex.Split(host, "-[0-9]")[0].Replace('-', '_')).Distinct(StringComparer.Ordinal))
                : Run("govuk_node_list --classes");
        }

        Print(classes);
    }

    /// <summary>List selected hosts.</summary>
    [Task]
    [RunsOnce]
    public static void Hosts() => Print(string.Join("\n", Env.Hosts.Order(StringComparer.Ordinal)));

    /// <summary>Execute arbitrary commands.</summary>
    [Task]
    public static void Do(string command) => Run(command);

    /// <summary>Execute arbitrary commands with sudo.</summary>
    [Task]
    public static void Sdo(string command) => Sudo(command);

    /// <summary>The machines `govuk_node_list` names, asked on the jump box (or here, inside the infrastructure), without their domain.</summary>
    private static IEnumerable<string> FetchHosts(string options = "")
    {
        var command = $"govuk_node_list {options}";
        string[] hosts;
        using (Hide("running", "stdout"))
        {
            if (Env.Gateway is { } gateway)
            {
                using (Settings(hostString: gateway, gateway: ""))
                {
                    hosts = Run(command).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                }
            }
            else
            {
                // Otherwise assume we are inside the infrastructure.
                hosts = Local(command, capture: true).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return hosts.Select(host => host.Split('.')[0]);
    }

    private static void Select(string environment, bool awsMigration, string jumpboxDomain)
    {
        Env["environment"] = environment;
        Env["aws_migration"] = awsMigration ? "True" : "False";
        Env.Gateway = $"jumpbox.{jumpboxDomain}";
    }

    /// <summary>Pulls the checkout when it is on master and has not been fetched for a while; else warns that it may be out of date.</summary>
    private static void CheckRepoAge()
    {
        var fetchHead = Path.Combine(Env.FabfileDirectory, ".git", "FETCH_HEAD");
        if (!File.Exists(fetchHead) || DateTime.UtcNow - File.GetLastWriteTimeUtc(fetchHead) <= RepoOutdatedTime)
        {
            return;
        }

        using (Lcd(Env.FabfileDirectory))
        {
            if (Local("git rev-parse --abbrev-ref HEAD", capture: true).Stdout.Trim() == "master")
            {
                Local("git pull origin");
            }
            else
            {
                Warn("Your fabric-scripts may be out-of-date. Please `git pull` the repo");
            }
        }
    }
}
