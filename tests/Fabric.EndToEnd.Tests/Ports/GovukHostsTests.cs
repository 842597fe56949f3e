using Fabric.EndToEnd.Tests.Infrastructure;
using Fabric.EndToEnd.Tests.Ssh;

namespace Fabric.EndToEnd.Tests.Ports;

/// <summary>
/// The port of alphagov/fabric-scripts' fabfile.py (tests/fabfiles/ports/govuk-hosts)):
/// machines chosen by asking the staging jump box (test host 4, as jumpbox.staging.publishing.service.test in an ssh
/// config) for its node list, then worked on through that jump box. The node list is a stand-in in the test user's ~/bin
/// (on PATH in its login shells) that records where it ran and what it was asked.
/// </summary>
[Collection(SshdGroup.Name)]
public sealed class GovukHostsTests : IDisposable
{
    private const string Where = "echo $SSH_CONNECTION | cut -d' ' -f3";
    private readonly PortedFabfile _fab;
    private readonly string _folder = Directory.CreateTempSubdirectory("port-govuk-hosts-").FullName;
    private readonly string _config;
    private readonly string _nodeList = Path.Combine(PortedFabfile.Home, "bin", "govuk_node_list");

    public GovukHostsTests(SshdFixture sshd)
    {
        _fab = new PortedFabfile(sshd, "govuk-hosts");
        var aliases = new[] { ("frontend-1", 0), ("frontend-2", 1), ("backend-1", 2), ("localhost", 3), ("jumpbox.staging.publishing.service.test", 4) };
        _config = Path.Combine(_folder, "ssh_config");
        File.WriteAllText(_config, string.Concat(aliases.Select(a =>
            $"Host {a.Item1}\n  HostName {SshdFixture.Address(a.Item2)}\n  Port {sshd.Port}\n  User {SshdFixture.TestUser}\n")));
        NodeList();
    }

    private string Log => Path.Combine(_folder, "node_list.log");

    [Fact]
    public async Task A_class_selector_asks_the_jump_box_and_the_command_runs_on_each_machine_of_the_classes()
    {
        var result = await Fab("staging", "class:frontend,backend", $"do:{Where}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([$"{SshdFixture.Address(4)} -c frontend", $"{SshdFixture.Address(4)} -c backend"], File.ReadAllLines(Log));
        Assert.Equal(
            ["[frontend-1] out: 127.0.0.2", "[frontend-2] out: 127.0.0.3", "[backend-1] out: 127.0.0.4"],
            result.StdoutLines.Where(l => l.Contains("] out: ", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.StdoutLines, l => l.Contains("govuk_node_list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_application_selector_runs_the_puppet_class_query_and_hosts_lists_the_machines_once()
    {
        var result = await Fab("staging", "application:whitehall", "hosts", "sdo:whoami");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([$"{SshdFixture.Address(4)} -C govuk::apps::whitehall"], File.ReadAllLines(Log));
        Assert.Contains("[backend-1] backend-1", result.StdoutLines);
        Assert.Contains("[backend-1] out: root", result.StdoutLines);
        Assert.Single(result.StdoutLines, l => l.Contains("Executing task 'hosts'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Classes_lists_each_class_of_the_environment_once()
    {
        var result = await Fab("staging", "classes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("frontend", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("backend", result.Stdout, StringComparison.Ordinal);
        Assert.Single(result.StdoutLines, l => l.Contains("Executing task 'classes'", StringComparison.Ordinal));
        Assert.Equal([$"{SshdFixture.Address(4)} "], File.ReadAllLines(Log));
    }

    public void Dispose()
    {
        File.Delete(_nodeList);
        Directory.Delete(_folder, recursive: true);
    }

    private Task<FabResult> Fab(params string[] args) =>
        _fab.RunAsync(_folder, ["--ssh-config-path", _config, "-p", SshdFixture.TestUserPassword, .. args]);

    /// <summary>The stand-in govuk_node_list: three machines in two classes, frontend and backend.</summary>
    private void NodeList()
    {
        PortedFabfile.AsRoot($"chmod 777 '{_folder}'");
        Directory.CreateDirectory(Path.GetDirectoryName(_nodeList)!);
        File.WriteAllText(_nodeList, $$"""
            #!/bin/sh
            echo "$(echo "$SSH_CONNECTION" | cut -d' ' -f3) $*" >> '{{Log}}'
            all='frontend-1.frontend.staging
            frontend-2.frontend.staging
            backend-1.backend.staging'
            case "$1" in
              -c) printf '%s\n' "$all" | grep "^$(echo "$2" | tr _ -)-[0-9]" ;;
              -C) case "$2" in
                    govuk::apps::whitehall) echo backend-1.backend.staging ;;
                    govuk::node::s_frontend) printf '%s\n' "$all" | grep '^frontend' ;;
                  esac ;;
              --classes) printf 'frontend\nbackend\n' ;;
              *) printf '%s\n' "$all" ;;
            esac

            """);
        PortedFabfile.AsRoot($"chmod 755 '{_nodeList}' && chown -R {SshdFixture.TestUser}: '{Path.GetDirectoryName(_nodeList)}'");
    }
}
