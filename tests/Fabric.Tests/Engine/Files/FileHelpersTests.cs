using Fabric.Tests.Engine.Transfers;
using static Fabric.Api;
using Path = System.IO.Path;

namespace Fabric.Tests.Engine.Files;

/// <summary>
/// The file helpers as a fabfile calls them, on a <see cref="LocalHost"/> (commands run by BusyBox alone, or by /bin/sh
/// with GNU tools; with and without a shell that prints before every command): what they answer and change, what they
/// show, and how a question the host cannot answer fails.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileHelpersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static TheoryData<Userland, string> Hosts => new()
    {
        { Userland.BusyBox, "" },
        { Userland.BusyBox, "bashrc says hi\n" },
        { Userland.Gnu, "" },
        { Userland.Gnu, "motd without a line break" },
    };

    private static LocalRun Host(Userland userland, string noise = "")
    {
        var run = new LocalRun(new LocalHost(sftp: false, noise, gnu: userland == Userland.Gnu));
        run.Context.Env.Shell = "/bin/sh -c";
        return run;
    }

    private static string Remote(LocalRun run, string name) => Path.Combine(run.Host.Home, name);

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Exists_IsLink_and_First_answer_for_paths_with_spaces_in_the_Cd_folder_and_show_nothing(Userland userland, string noise)
    {
        using var run = Host(userland, noise);
        Directory.CreateDirectory(Remote(run, "app dir"));
        File.WriteAllText(Remote(run, "app dir/it's $here"), "");
        File.CreateSymbolicLink(Remote(run, "app dir/current"), "it's $here");

        Assert.True(await ExistsAsync("~/app dir/it's $here").WaitAsync(Timeout));
        Assert.False(await ExistsAsync("~/app dir/it's $her").WaitAsync(Timeout));
        using (Cd("app dir"))
        {
            Assert.True(await ExistsAsync("it's $here").WaitAsync(Timeout));
            Assert.True(await IsLinkAsync("current").WaitAsync(Timeout));
            Assert.False(await IsLinkAsync("it's $here").WaitAsync(Timeout));
            Assert.Equal("current", await FirstAsync(["nothing", "current", "it's $here"]).WaitAsync(Timeout));
            Assert.Null(await FirstAsync(["nothing", "neither"]).WaitAsync(Timeout));
        }

        Assert.Empty(run.Sink.Text);
    }

    [Fact]
    public async Task Verbose_Exists_shows_its_command_and_the_sync_forms_answer_alike()
    {
        using var run = Host(Userland.BusyBox);
        File.WriteAllText(Remote(run, "a"), "");

        var verbose = await Task.Run(() => Exists("a", verbose: true)).WaitAsync(Timeout);
        var first = await Task.Run(() => First("b", "a")).WaitAsync(Timeout);
        var collection = await Task.Run(() => First(["b", "a"])).WaitAsync(Timeout);
        var list = await Task.Run(() => First(new List<string> { "b" }, useSudo: true)).WaitAsync(Timeout);

        Assert.True(verbose);
        Assert.Equal("a", first);
        Assert.Equal("a", collection);
        Assert.Null(list);
        Assert.Equal("[deploy@web1] run: if [ -e a ]; then echo fabric-answer:yes; else echo fabric-answer:no; fi", run.Sink.Text[0]);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Append_twice_adds_each_line_once_and_shows_only_the_write(Userland userland, string noise)
    {
        using var run = Host(userland, noise);
        File.WriteAllText(Remote(run, ".bashrc"), "# rc");

        await AppendAsync("~/.bashrc", "export PS1='\\u@\\h $ '").WaitAsync(Timeout);
        await AppendAsync("~/.bashrc", ["export PS1='\\u@\\h $ '", "alias ll=\"ls -l\"", "-n"]).WaitAsync(Timeout);
        await AppendAsync("~/.bashrc", "alias ll=\"ls -l\"\n-n\n").WaitAsync(Timeout);

        Assert.Equal("# rc\nexport PS1='\\u@\\h $ '\nalias ll=\"ls -l\"\n-n\n", File.ReadAllText(Remote(run, ".bashrc")));
        Assert.Equal(
        [
            "[deploy@web1] run: printf '%s\\n' '' 'export PS1='\"'\"'\\u@\\h $ '\"'\"'' >> ~/.bashrc",
            "[deploy@web1] run: printf '%s\\n' 'alias ll=\"ls -l\"' -n >> ~/.bashrc",
        ], run.Sink.Text.Where(l => !l.Contains("] out: ", StringComparison.Ordinal)));
        Assert.DoesNotContain(run.Sink.Text, l => l.Contains("fabric-answer", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Contains_finds_literal_text_in_a_file_with_a_space_in_its_name(Userland userland, string noise)
    {
        using var run = Host(userland, noise);
        File.WriteAllText(Remote(run, "my hosts"), "127.0.1.1 web1.example web1\n");

        Assert.True(await ContainsAsync("my hosts", "1.1 web1.").WaitAsync(Timeout));
        Assert.False(await ContainsAsync("my hosts", "127.0.1.1 web1", exact: true).WaitAsync(Timeout));
        Assert.True(await ContainsAsync("my hosts", "WEB1.example", caseSensitive: false).WaitAsync(Timeout));
        Assert.True(await ContainsAsync("my hosts", "^127\\.0\\.1\\.1[[:space:]]", escape: false).WaitAsync(Timeout));
        Assert.False(await ContainsAsync("no such file", "x").WaitAsync(Timeout));
        Assert.Empty(run.Sink.Text);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Sed_Comment_and_Uncomment_edit_in_place_show_their_sed_line_and_keep_a_backup(Userland userland, string noise)
    {
        using var run = Host(userland, noise);
        var conf = Remote(run, "site.conf");
        File.WriteAllText(conf, "url = http://old/a\nPermitRootLogin yes\n#Port 22\n");

        var sed = await SedAsync("site.conf", "http://old/(a)", "'https://new/\\1' & \"q\"").WaitAsync(Timeout);
        await CommentAsync("site.conf", "^PermitRootLogin", backup: "").WaitAsync(Timeout);
        await CommentAsync("site.conf", "^PermitRootLogin", backup: "").WaitAsync(Timeout);
        await UncommentAsync("site.conf", "Port", backup: "").WaitAsync(Timeout);

        Assert.Equal("url = 'https://new/a' http://old/a \"q\"\n#PermitRootLogin yes\nPort 22\n", File.ReadAllText(conf));
        Assert.Equal("url = http://old/a\nPermitRootLogin yes\n#Port 22\n", File.ReadAllText(conf + ".bak"));
        Assert.Equal(0, sed.ExitCode);
        Assert.Equal("[deploy@web1] run: sed -i.bak -E -e 's|http://old/(a)|'\"'\"'https://new/\\1'\"'\"' & \"q\"|g' site.conf", run.Sink.Text[0]);
    }

    [Fact]
    public async Task Use_sudo_runs_the_check_and_the_write_through_sudo()
    {
        using var run = Host(Userland.BusyBox);

        await AppendAsync("f", "line", useSudo: true).WaitAsync(Timeout);
        var found = await ContainsAsync("f", "line", useSudo: true).WaitAsync(Timeout);

        Assert.True(found);
        Assert.All(run.Host.Commands, c => Assert.StartsWith("sudo -S -p ", c, StringComparison.Ordinal));
        Assert.Equal(3, run.Host.Commands.Count);
        Assert.Equal(["[deploy@web1] sudo: printf '%s\\n' line >> f"], run.Sink.Text);
    }

    [Theory]
    [InlineData(Userland.BusyBox)]
    [InlineData(Userland.Gnu)]
    public async Task A_question_the_host_cannot_answer_aborts_with_one_line_naming_the_host_and_why(Userland userland)
    {
        using var run = Host(userland);
        Directory.CreateDirectory(Remote(run, "dir"));

        var folder = await Assert.ThrowsAsync<CommandFailedException>(() => ContainsAsync("dir", "x").WaitAsync(Timeout));
        var append = await Assert.ThrowsAsync<CommandFailedException>(() => AppendAsync("dir", "x").WaitAsync(Timeout));
        run.Context.Env.Shell = "/no/such/shell -c";
        var shell = await Assert.ThrowsAsync<CommandFailedException>(() => ExistsAsync("dir").WaitAsync(Timeout));

        Assert.Equal("contains 'dir' on deploy@web1 failed: grep: dir: Is a directory.", folder.Message);
        Assert.Equal("append to 'dir' on deploy@web1 failed: grep: dir: Is a directory.", append.Message);
        Assert.StartsWith("exists 'dir' on deploy@web1 failed: /no/such/shell was not found on deploy@web1", shell.Message, StringComparison.Ordinal);
        Assert.Empty(run.Sink.Text);
    }

    [Fact]
    public async Task A_failing_prefix_is_an_error_and_not_a_no()
    {
        using var run = Host(Userland.BusyBox);

        using (Prefix("false"))
        {
            var error = await Assert.ThrowsAsync<CommandFailedException>(() => ExistsAsync("anything").WaitAsync(Timeout));

            Assert.Equal("exists 'anything' on deploy@web1 failed: exit code 1, nothing on stderr.", error.Message);
        }
    }

    [Fact]
    public async Task Under_warn_only_an_unanswerable_question_warns_visibly_and_answers_no()
    {
        using var run = Host(Userland.BusyBox);
        Directory.CreateDirectory(Remote(run, "dir"));

        bool found;
        using (WarnOnly())
        {
            found = await ContainsAsync("dir", "x").WaitAsync(Timeout);
        }

        Assert.False(found);
        Assert.Equal(["[deploy@web1] Warning: contains 'dir' on deploy@web1 failed: grep: dir: Is a directory."], run.Sink.Text);
    }

    [Fact]
    public async Task A_failed_edit_aborts_as_a_failed_run_does_naming_the_host_and_seds_words()
    {
        using var run = Host(Userland.Gnu);

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => SedAsync("missing.conf", "a", "b").WaitAsync(Timeout));

        Assert.StartsWith("run 'sed -i.bak -E -e 's/a/b/g' missing.conf' on deploy@web1 failed with exit code", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing.conf: No such file or directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helper_in_a_task_with_no_host_aborts_naming_the_helper_and_the_path()
    {
        var context = new Fabric.Engine.Execution.RunContext(new Fabric.Engine.Output.CollectingOutputSink());
        using var entered = Fabric.Engine.Execution.Ambient.Enter(context);

        var exists = await Assert.ThrowsAsync<AbortException>(() => ExistsAsync("/srv/app").WaitAsync(Timeout));
        var sed = await Assert.ThrowsAsync<AbortException>(() => SedAsync("/etc/app.conf", "a", "b").WaitAsync(Timeout));

        Assert.StartsWith("exists '/srv/app' needs a host, and this task has none", exists.Message, StringComparison.Ordinal);
        Assert.StartsWith("sed '/etc/app.conf' needs a host", sed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_debug_shows_the_line_a_hidden_check_executes()
    {
        using var run = Host(Userland.BusyBox);

        using (Show("debug"))
        {
            await ExistsAsync("x").WaitAsync(Timeout);
        }

        Assert.Equal(["[deploy@web1] executing: /bin/sh -c 'if [ -e x ]; then echo fabric-answer:yes; else echo fabric-answer:no; fi'"], run.Sink.Text);
    }

    [Theory]
    [InlineData(Userland.BusyBox)]
    [InlineData(Userland.Gnu)]
    public async Task Appending_more_text_than_one_command_line_holds_goes_in_batches_and_twice_is_once(Userland userland)
    {
        using var run = Host(userland);
        var lines = Enumerable.Range(0, 150).Select(i => $"line {i} 'quoted' $x " + new string('.', 1000)).ToList();

        await AppendAsync("big", lines).WaitAsync(Timeout);
        await AppendAsync("big", lines).WaitAsync(Timeout);

        Assert.Equal(string.Concat(lines.Select(l => l + "\n")), File.ReadAllText(Remote(run, "big")));
        Assert.True(run.Sink.Text.Count(l => l.Contains("] run: printf", StringComparison.Ordinal)) > 1);
    }
}
