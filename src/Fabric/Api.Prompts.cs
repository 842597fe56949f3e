using Fabric.Engine.Execution;
using Fabric.Engine.Prompts;

namespace Fabric;

/// <summary>Questions to the person running <c>dotnet fab</c>: <c>Prompt</c> and <c>Confirm</c>, as Fabric's <c>prompt</c> and <c>confirm</c>.</summary>
public static partial class Api
{
    /// <summary>
    /// Asks <paramref name="text"/> on the terminal and returns the answer: <c>var branch = Prompt("Branch?", @default: "main");</c>.
    /// <list type="bullet">
    /// <item>An empty answer is <paramref name="default"/> (shown as <c>Branch? [main]</c>) when there is one.</item>
    /// <item><paramref name="validate"/>, a regular expression, must match the whole answer (<c>validate: @"\d+"</c>);
    /// on a terminal a wrong answer is asked again with the reason.</item>
    /// <item>With <paramref name="key"/>, <c>--set key=value</c> on the command line answers the question without asking
    /// (checked by <paramref name="validate"/>: a value it rejects aborts), and the answer is stored in <c>Env[key]</c>.</item>
    /// <item>Nobody to ask (standard input is not a terminal: CI, cron, a pipe) or <c>--abort-on-prompts</c>
    /// (<c>Env.AbortOnPrompts</c>): the run aborts, naming the question (and the <c>--set</c> that would answer it), exit code 1.
    /// It never waits on an input nobody can give.</item>
    /// </list>
    /// Inside a task on a host the question starts with <c>[host]</c>; questions from parallel tasks are asked one at a time.
    /// </summary>
    /// <param name="text">The question.</param>
    /// <param name="key">The <c>Env</c> key the answer is stored under, and the <c>--set</c> key that answers it.</param>
    /// <param name="default">The answer when the user just presses Enter; null: none.</param>
    /// <param name="validate">A regular expression the whole answer must match; null: any answer.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="AbortException">Nobody can answer, or a <c>--set</c> value does not match <paramref name="validate"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="validate"/> is not a valid regular expression.</exception>
    public static string Prompt(string text, string? key = null, string? @default = null, string? validate = null) =>
        UserPrompt.Ask(Ambient.Context, text, key, @default, validate is null ? PromptPatterns.None : PromptPatterns.Matching(validate));

    /// <summary>
    /// Asks <paramref name="text"/> as <see cref="Prompt(string, string?, string?, string?)"/> does, and passes the answer
    /// through <paramref name="validate"/>, as Fabric's <c>prompt(validate=callable)</c>: what it returns is the result, and
    /// an exception it throws rejects the answer, its message being the reason shown before asking again:
    /// <c>int port = Prompt("Port?", validate: int.Parse, @default: "8080");</c>.
    /// </summary>
    /// <typeparam name="T">What the answer becomes.</typeparam>
    /// <param name="text">The question.</param>
    /// <param name="validate">Turns the answer into the value, or throws why it is not acceptable.</param>
    /// <param name="key">The <c>Env</c> key the value is stored under (as text), and the <c>--set</c> key that answers it.</param>
    /// <param name="default">The answer when the user just presses Enter (it goes through <paramref name="validate"/> too); null: none.</param>
    /// <returns>What <paramref name="validate"/> returned for the accepted answer.</returns>
    /// <exception cref="AbortException">Nobody can answer, or <paramref name="validate"/> rejects a <c>--set</c> value.</exception>
    public static T Prompt<T>(string text, Func<string, T> validate, string? key = null, string? @default = null) =>
        UserPrompt.Ask(Ambient.Context, text, key, @default, new PromptValidation<T>(validate ?? throw new ArgumentNullException(nameof(validate))));

    /// <summary>The asynchronous form of <see cref="Prompt(string, string?, string?, string?)"/>: waiting for the answer holds no thread of the caller's, and <paramref name="cancellationToken"/> (or Ctrl-C) stops the wait.</summary>
    /// <param name="text">The question.</param>
    /// <param name="key">The <c>Env</c> key the answer is stored under, and the <c>--set</c> key that answers it.</param>
    /// <param name="default">The answer when the user just presses Enter; null: none.</param>
    /// <param name="validate">A regular expression the whole answer must match; null: any answer.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The answer.</returns>
    public static Task<string> PromptAsync(string text, string? key = null, string? @default = null, string? validate = null, CancellationToken cancellationToken = default) =>
        InBackground(() => Prompt(text, key, @default, validate), cancellationToken);

    /// <summary>The asynchronous form of <see cref="Prompt{T}(string, Func{string, T}, string?, string?)"/>.</summary>
    /// <typeparam name="T">What the answer becomes.</typeparam>
    /// <param name="text">The question.</param>
    /// <param name="validate">Turns the answer into the value, or throws why it is not acceptable.</param>
    /// <param name="key">The <c>Env</c> key the value is stored under, and the <c>--set</c> key that answers it.</param>
    /// <param name="default">The answer when the user just presses Enter; null: none.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>What <paramref name="validate"/> returned for the accepted answer.</returns>
    public static Task<T> PromptAsync<T>(string text, Func<string, T> validate, string? key = null, string? @default = null, CancellationToken cancellationToken = default) =>
        InBackground(() => Prompt(text, validate, key, @default), cancellationToken);

    /// <summary>
    /// Asks a yes/no question, as Fabric's <c>confirm</c>: <c>if (!Confirm("Deploy to production?", @default: false)) Abort("Stopped.");</c>.
    /// The question ends with <c>[Y/n]</c> (or <c>[y/N]</c> when <paramref name="default"/> is false); <c>y</c>/<c>yes</c> is
    /// true, <c>n</c>/<c>no</c> false, an empty answer the default, anything else is asked again. Nobody to ask (no
    /// terminal) or <c>--abort-on-prompts</c>: the run aborts naming the question, exit code 1; it never assumes an answer.
    /// </summary>
    /// <param name="question">The question.</param>
    /// <param name="default">The answer when the user just presses Enter.</param>
    /// <returns>True for yes.</returns>
    /// <exception cref="AbortException">Nobody can answer.</exception>
    public static bool Confirm(string question, bool @default = true) => UserPrompt.Confirm(Ambient.Context, question, @default);

    /// <summary>The asynchronous form of <see cref="Confirm"/>.</summary>
    /// <param name="question">The question.</param>
    /// <param name="default">The answer when the user just presses Enter.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>True for yes.</returns>
    public static Task<bool> ConfirmAsync(string question, bool @default = true, CancellationToken cancellationToken = default) =>
        InBackground(() => Confirm(question, @default), cancellationToken);

    /// <summary>Runs a blocking question on the thread pool (the ambient run, host and scope flow with it) and stops waiting on cancellation.</summary>
    private static async Task<T> InBackground<T>(Func<T> ask, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Ambient.Context.Cancellation);
        return await Task.Run(ask, CancellationToken.None).WaitAsync(linked.Token).ConfigureAwait(false);
    }
}
