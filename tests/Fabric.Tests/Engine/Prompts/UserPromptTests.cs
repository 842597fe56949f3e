using Fabric.Engine.Execution;
using Fabric.Engine.Hosts;
using Fabric.Engine.Output;
using Fabric.Engine.Prompts;

namespace Fabric.Tests.Engine.Prompts;

public class UserPromptTests
{
    private static RunContext Context(FakePrompt? terminal) => new(new CollectingOutputSink()) { SecretPrompt = terminal };

    [Fact]
    public void Without_a_terminal_a_prompt_aborts_naming_the_question_and_the_set_that_answers_it()
    {
        var e = Assert.Throws<AbortException>(() => UserPrompt.Ask(Context(null), "Branch to deploy?", "branch", "main", PromptPatterns.None));

        Assert.Equal("Needed to ask 'Branch to deploy?', but there is no terminal to answer on (standard input is not one); answer it with Env[\"branch\"] = \"VALUE\".", e.Message);
    }

    [Fact]
    public void Under_abort_on_prompts_a_prompt_aborts_without_asking_even_on_a_terminal()
    {
        var terminal = new FakePrompt("yes");
        var context = Context(terminal);
        context.Env.AbortOnPrompts = true;

        var e = Assert.Throws<AbortException>(() => UserPrompt.Confirm(context, "Really?", @default: true));

        Assert.Contains("Needed to ask 'Really?', but prompts abort (Env.AbortOnPrompts)", e.Message, StringComparison.Ordinal);
        Assert.Empty(terminal.Asked);
        Assert.Null(context.SecretPrompt);
    }

    [Fact]
    public void A_set_value_answers_the_prompt_that_names_its_key_without_asking_and_is_stored_in_Env()
    {
        var terminal = new FakePrompt();
        var context = Context(terminal);
        context.Env.CommandLineValues["branch"] = "release";

        var answer = UserPrompt.Ask(context, "Branch?", "branch", "main", PromptPatterns.None);

        Assert.Equal("release", answer);
        Assert.Equal("release", context.Env.Values["branch"]);
        Assert.Empty(terminal.Asked);
    }

    [Fact]
    public void A_set_value_that_the_validation_rejects_aborts_naming_it()
    {
        var context = Context(new FakePrompt());
        context.Env.CommandLineValues["port"] = "http";

        var e = Assert.Throws<AbortException>(() => UserPrompt.Ask(context, "Port?", "port", null, new PromptValidation<int>(int.Parse)));

        Assert.StartsWith("Env[\"port\"] = \"http\" does not answer 'Port?': ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_answer_is_the_default_which_the_question_shows()
    {
        var terminal = new FakePrompt("");

        var answer = UserPrompt.Ask(Context(terminal), "Branch?", null, "main", PromptPatterns.None);

        Assert.Equal("main", answer);
        Assert.Equal(["Branch? [main]"], terminal.Asked);
    }

    [Fact]
    public void An_answer_the_pattern_rejects_is_asked_again_with_the_reason_and_the_whole_answer_must_match()
    {
        var terminal = new FakePrompt("12a", "12");

        var answer = UserPrompt.Ask(Context(terminal), "How many?", null, null, PromptPatterns.Matching(@"\d+"));

        Assert.Equal("12", answer);
        Assert.Equal(2, terminal.Asked.Count);
        Assert.Contains("'12a' does not match '^\\d+$'", Assert.Single(terminal.Told), StringComparison.Ordinal);
    }

    [Fact]
    public void A_validate_function_gives_the_value_and_its_exception_is_the_reason_to_ask_again()
    {
        var terminal = new FakePrompt("eighty", "8080");
        var context = Context(terminal);

        var port = UserPrompt.Ask(context, "Port?", "port", null, new PromptValidation<int>(text => int.TryParse(text, out var n) ? n : throw new FormatException("a port is a number")));

        Assert.Equal(8080, port);
        Assert.Equal("8080", context.Env.Values["port"]);
        Assert.Contains("a port is a number", Assert.Single(terminal.Told), StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_input_aborts_instead_of_waiting()
    {
        var e = Assert.Throws<AbortException>(() => UserPrompt.Ask(Context(new FakePrompt([null])), "Branch?", null, null, PromptPatterns.None));

        Assert.Contains("the input was closed", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("y", true, true)]
    [InlineData("YES", false, true)]
    [InlineData("n", true, false)]
    [InlineData(" No ", true, false)]
    [InlineData("", true, true)]
    [InlineData("", false, false)]
    public void Confirm_takes_yes_and_no_in_any_case_and_an_empty_answer_is_the_default(string typed, bool @default, bool expected)
    {
        var terminal = new FakePrompt(typed);

        Assert.Equal(expected, UserPrompt.Confirm(Context(terminal), "Deploy?", @default));
        Assert.Equal([@default ? "Deploy? [Y/n]" : "Deploy? [y/N]"], terminal.Asked);
    }

    [Fact]
    public void Confirm_asks_again_after_an_answer_it_does_not_understand()
    {
        var terminal = new FakePrompt("maybe", "n");

        Assert.False(UserPrompt.Confirm(Context(terminal), "Deploy?", @default: true));
        Assert.Equal(["I didn't understand you. Please specify '(y)es' or '(n)o'."], terminal.Told);
    }

    [Fact]
    public void Without_a_terminal_confirm_aborts_and_never_assumes_the_default()
    {
        var e = Assert.Throws<AbortException>(() => UserPrompt.Confirm(Context(null), "Drop the database?", @default: true));

        Assert.StartsWith("Needed to ask 'Drop the database?', but there is no terminal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_asked_on_a_host_starts_with_the_host()
    {
        var terminal = new FakePrompt("y");
        var context = Context(terminal);
        using var run = Ambient.Enter(context);
        using var frame = Ambient.Enter(new ExecutionFrame("deploy", HostString.Parse("web1"), "u", 22));

        Assert.True(Api.Confirm("Restart?"));
        Assert.Equal(["[web1] Restart? [Y/n]"], terminal.Asked);
    }
}
