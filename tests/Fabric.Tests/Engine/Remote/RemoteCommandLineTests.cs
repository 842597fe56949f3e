using System.Collections.Immutable;
using Fabric.Engine.Execution;
using Fabric.Engine.Remote;
using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Remote;

public sealed class RemoteCommandLineTests
{
    [Fact]
    public void Plain_command_is_wrapped_in_the_shell()
    {
        Assert.Equal("/bin/bash -l -c 'echo hi'", RemoteCommandLine.Build("echo hi", ScopeSettings.None, "/bin/bash -l -c"));
    }

    [Fact]
    public void Scopes_come_before_the_command_in_Fabric_order_and_are_escaped_inside_the_shell_word()
    {
        var scope = ScopeSettings.None with
        {
            PathChanges = [new PathChange("/opt/bin", PathBehavior.Append), new PathChange("/first", PathBehavior.Prepend)],
            ShellEnvironment = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("NAME", "it's")]),
            RemoteDirectory = "/srv/my app",
            Prefixes = ["source env/bin/activate"],
        };

        var inner = RemoteCommandLine.Inner("make", scope);

        Assert.Equal("export PATH='/first':\"$PATH\":'/opt/bin' && export NAME='it'\"'\"'s' && cd '/srv/my app' && source env/bin/activate && make", inner);
        Assert.Equal("/bin/bash -l -c " + ShellQuoting.Quote(inner), RemoteCommandLine.Build("make", scope, "/bin/bash -l -c"));
    }

    [Fact]
    public void Sudo_line_has_the_marker_and_the_user_before_the_shell()
    {
        var line = RemoteCommandLine.Build("whoami", ScopeSettings.None, "/bin/bash -l -c", new SudoLine("[m] pw:", "deploy"));

        Assert.Equal("sudo -S -p '[m] pw:' -H -u 'deploy' /bin/bash -l -c 'whoami'", line);
    }

    [Fact]
    public void Sudo_with_a_start_marker_has_the_command_print_it_on_stderr_before_it_runs()
    {
        var line = RemoteCommandLine.Build("cat", ScopeSettings.None, "/bin/sh -c", new SudoLine("[m] pw:", null, "[go]"));

        Assert.Equal("sudo -S -p '[m] pw:' /bin/sh -c 'printf %s \"$0\" >&2; exec \"$@\"' '[go]' /bin/sh -c 'cat'", line);
    }

    [Fact]
    public void Sudo_on_a_terminal_asks_there_instead_of_reading_its_input()
    {
        var line = RemoteCommandLine.Build("id", ScopeSettings.None, "/bin/sh -c", new SudoLine("[m] pw:", null, Terminal: true));

        Assert.Equal("sudo -p '[m] pw:' /bin/sh -c 'id'", line);
    }

    [Fact]
    public void Empty_shell_runs_the_inner_line_as_is()
    {
        Assert.Equal("cd '/x' && ls", RemoteCommandLine.Build("ls", ScopeSettings.None with { RemoteDirectory = "/x" }, ""));
    }

    [Fact]
    public void Sudo_without_a_shell_runs_the_scopes_before_sudo_so_the_command_is_what_sudo_runs()
    {
        var scope = ScopeSettings.None with { RemoteDirectory = "/srv/app", PathChanges = [new PathChange("/opt/bin", PathBehavior.Prepend)] };

        var line = RemoteCommandLine.Build("ssh-keygen -q", scope, null, new SudoLine("[m] pw:", "deploy"));

        Assert.Equal("export PATH='/opt/bin':\"$PATH\" && cd '/srv/app' && sudo -S -p '[m] pw:' -H -u 'deploy' ssh-keygen -q", line);
    }
}
