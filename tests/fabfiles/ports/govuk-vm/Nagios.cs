// Part of the port of alphagov/fabric-scripts (see Vm.cs): the `schedule_downtime` task of its nagios.py.
//
// What differs:
// - The monitoring host names end in the environment's public domain in the original; here in `--set
//   monitoring_domain=…` (the environment itself is `--set environment=…`, which the original's `production`/`staging`
//   tasks set).
// - The Icinga command file (/var/lib/icinga/rw/nagios.cmd) can be moved with `--set nagios_cmd_file=…`.
using System.Globalization;
using Fabric;
using static Fabric.Api;

namespace GovukVm;

/// <summary>Talking to the monitoring (Nagios/Icinga) server.</summary>
[TaskGroup("nagios")]
public static class Nagios
{
    private static string CommandFile => Env["nagios_cmd_file"] ?? "/var/lib/icinga/rw/nagios.cmd";

    /// <summary>Schedules downtime for a host in nagios; default for 20 minutes.</summary>
    [Task]
    [Hosts("alert.cluster")]
    public static void ScheduleDowntime(string host, int minutes = 20)
    {
        // The monitoring server's clock, to avoid clock skew.
        var timestamp = long.Parse(Run("date +%s"), CultureInfo.InvariantCulture);
        var seconds = minutes * 60;
        var name = MonitoringHostname(host);

        SubmitNagiosCommand($"SCHEDULE_HOST_SVC_DOWNTIME;{name};{timestamp};{timestamp + seconds};1;0;{seconds};fabric;fabric");
        SubmitNagiosCommand($"ADD_HOST_COMMENT;{name};0;{Env.User};downtime scheduled by {Env.User} via fabric");
    }

    private static void SubmitNagiosCommand(string command) =>
        Sudo($"printf '[%lu] {command}\\n' `date +%s` >> {CommandFile}");

    /// <summary>The canonical name (according to the monitoring) for a host.</summary>
    private static string MonitoringHostname(string host) => Env["environment"] switch
    {
        "preview" => $"{host}.production",
        "staging" => $"{host}.staging.{Env["monitoring_domain"]}",
        _ => $"{host}.{Env["monitoring_domain"]}",
    };
}
