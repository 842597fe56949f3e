using System.Collections.Immutable;
using System.Text;
using Fabric.Engine.Execution;
using Fabric.Engine.Output;

namespace Fabric.Tests.Engine.Output;

/// <summary>The secrets masked in every line of output: gathered once, gathered again whenever one of their sources changed.</summary>
public class SecretSetTests
{
    private readonly CollectingOutputSink _output = new();

    private RunContext Context(string? password = null) =>
        new(_output) { Ssh = new Fabric.Engine.Ssh.SshOptions { Password = password } };

    private static void Say(RunContext context, string text, ScopeSettings? scope = null) =>
        OutputGroups.Write(context, scope ?? ScopeSettings.None, new OutputEvent(OutputKind.Stdout, "h", text));

    [Fact]
    public void A_secret_added_to_Env_Secrets_between_two_lines_is_masked_from_the_next_line_on()
    {
        var context = Context();
        context.Env.Secrets.Add("alpha");
        Say(context, "alpha beta");

        context.Env.Secrets.Add("beta");
        Say(context, "alpha beta");

        Assert.Equal(["**** beta", "**** ****"], _output.Lines.Select(l => l.Text));
    }

    [Fact]
    public void A_secret_replaced_in_Env_Secrets_is_masked_instead_of_the_old_one()
    {
        var context = Context();
        context.Env.Secrets.Add("alpha");
        Say(context, "alpha beta");

        context.Env.Secrets[0] = "beta";
        Say(context, "alpha beta");

        Assert.Equal(["**** beta", "alpha ****"], _output.Lines.Select(l => l.Text));
    }

    [Fact]
    public void The_password_and_a_scopes_secrets_are_masked_with_the_longest_first()
    {
        var context = Context(password: "hunter2");
        var scope = ScopeSettings.None with { Secrets = ImmutableList.Create("hunter2-long") };

        Say(context, "hunter2-long and hunter2", scope);
        Say(context, "hunter2-long and hunter2");

        Assert.Equal(["**** and ****", "****-long and ****"], _output.Lines.Select(l => l.Text));
    }

    [Fact]
    public void The_same_set_serves_every_line_while_nothing_changes()
    {
        var context = Context();
        context.Env.Secrets.Add("alpha");

        var first = context.SecretsFor(ScopeSettings.None);

        Assert.Same(first, context.SecretsFor(ScopeSettings.None));
        context.Env.Secrets.Add("beta");
        Assert.NotSame(first, context.SecretsFor(ScopeSettings.None));
    }

    [Fact]
    public void Without_secrets_or_without_one_in_the_line_the_text_is_passed_on_as_it_is()
    {
        var context = Context();
        var text = new string('x', 76);
        Say(context, text);
        context.Env.Secrets.Add("alpha");
        Say(context, text);

        Assert.All(_output.Lines, l => Assert.Same(text, l.Text));
    }

    [Fact]
    public void An_answer_typed_at_a_secret_prompt_is_masked_in_the_lines_after_it()
    {
        var context = new RunContext(_output) { SecretPrompt = new Answer("s3cret") };
        Say(context, "s3cret");

        context.SecretPrompt!.Ask("password: ");
        Say(context, "s3cret");

        Assert.Equal(["s3cret", "****"], _output.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Empty_secrets_are_ignored_and_duplicates_count_once()
    {
        var context = Context();
        context.Env.Secrets.AddRange(["", "alpha", "alpha"]);

        Assert.Equal(["alpha"], context.SecretsFor(ScopeSettings.None).Values);
        Assert.True(SecretSet.None.IsEmpty);
    }

    private sealed class Answer(string answer) : Fabric.Engine.Ssh.ISecretPrompt
    {
        public string? Ask(string prompt) => answer;

        public string? AskVisible(string prompt) => answer;
    }

    [Fact]
    public void Lines_that_came_together_are_masked_one_by_one_when_a_secret_is_among_them()
    {
        var context = Context();
        context.Env.Secrets.Add("hunter2");

        OutputGroups.WriteLines(context, ScopeSettings.None, OutputKind.Stdout, "h", "plain\npass hunter2\n"u8);

        Assert.Equal(["plain", "pass ****"], _output.Lines.Select(l => l.Text));
    }

    [Fact]
    public void A_secret_beyond_ASCII_is_found_in_lines_that_came_together_as_bytes()
    {
        var context = Context();
        context.Env.Secrets.Add("pässwörd");

        OutputGroups.WriteLines(context, ScopeSettings.None, OutputKind.Stdout, "h", Encoding.UTF8.GetBytes("ok\nit is pässwörd\n"));

        Assert.Equal(["ok", "it is ****"], _output.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Lines_that_came_together_in_a_hidden_group_are_passed_on_hidden()
    {
        var context = Context();
        context.Env.Secrets.Add("hunter2");
        var scope = ScopeSettings.None with { OutputGroups = ImmutableDictionary<string, bool>.Empty.Add("stdout", false) };

        OutputGroups.WriteLines(context, scope, OutputKind.Stdout, "h", "one\ntwo\n"u8);

        Assert.Equal([("one", true), ("two", true)], _output.Lines.Select(l => (l.Text, l.Hidden)));
    }
}
