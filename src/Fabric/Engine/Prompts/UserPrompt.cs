using System.Globalization;
using Fabric.Engine.Execution;
using Fabric.Engine.Ssh;

namespace Fabric.Engine.Prompts;

/// <summary>
/// <c>Prompt</c> and <c>Confirm</c>: a question to the person running the fabfile, asked on the terminal through
/// <see cref="RunContext.SecretPrompt"/>. Never waits on an input nobody can give: with no terminal, or under
/// <c>Env.AbortOnPrompts</c>, the question aborts the run, naming it.
/// </summary>
internal static class UserPrompt
{
    /// <summary>
    /// The answer to <paramref name="text"/>: the value the run started with for <paramref name="key"/>
    /// (<see cref="EnvState.CommandLineValues"/>) when there is one, else what the user types (empty:
    /// <paramref name="default"/> when there is one), through <paramref name="validation"/>; an answer it rejects is
    /// asked again with the reason (a given value it rejects aborts). With a key, the value is stored in
    /// <c>Env[key]</c>, as Fabric does.
    /// </summary>
    /// <exception cref="AbortException">Nobody can answer (no terminal, <c>Env.AbortOnPrompts</c>, input closed), or a given value is rejected.</exception>
    public static T Ask<T>(RunContext context, string text, string? key, string? @default, PromptValidation<T> validation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(validation);
        if (key is not null && context.Env.CommandLineValues.TryGetValue(key, out var given))
        {
            var (value, error) = validation.Check(given);
            return error is null
                ? Keep(context, key, value!)
                : throw new AbortException($"{context.SettingNames.Answer(key, given)} does not answer '{text.Trim()}': {error}");
        }

        var prompt = Asker(context, text, key is null ? null : $"answer it with {context.SettingNames.Answer(key, "VALUE")}");
        var question = Prefix() + text.TrimEnd() + (@default is null ? "" : $" [{@default}]");
        while (true)
        {
            var answer = prompt.AskVisible(question) ?? throw Closed(text);
            if (answer.Length == 0 && @default is not null)
            {
                answer = @default;
            }

            var (value, error) = validation.Check(answer);
            if (error is null)
            {
                return key is null ? value! : Keep(context, key, value!);
            }

            prompt.Tell($"Validation failed for the following reason:{System.Environment.NewLine}    {error}");
        }
    }

    /// <summary>
    /// A yes/no question, <c>[Y/n]</c> or <c>[y/N]</c> after it: <c>y</c>/<c>yes</c> is true, <c>n</c>/<c>no</c> false (any
    /// case), an empty answer <paramref name="default"/>, anything else asks again.
    /// </summary>
    /// <exception cref="AbortException">Nobody can answer (no terminal, <c>Env.AbortOnPrompts</c>, input closed).</exception>
    public static bool Confirm(RunContext context, string question, bool @default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var prompt = Asker(context, question, null);
        var shown = Prefix() + question.TrimEnd() + (@default ? " [Y/n]" : " [y/N]");
        while (true)
        {
            var answer = (prompt.AskVisible(shown) ?? throw Closed(question)).Trim().ToLowerInvariant();
            switch (answer)
            {
                case "":
                    return @default;
                case "y" or "yes":
                    return true;
                case "n" or "no":
                    return false;
                default:
                    prompt.Tell("I didn't understand you. Please specify '(y)es' or '(n)o'.");
                    break;
            }
        }
    }

    /// <summary>Who answers: the terminal's prompt; else the reason nobody can, as the run's abort.</summary>
    private static ISecretPrompt Asker(RunContext context, string text, string? hint)
    {
        var then = hint is null ? "." : $"; {hint}.";
        if (context.Env.AbortOnPrompts)
        {
            throw new AbortException($"Needed to ask '{text.Trim()}', but prompts abort ({context.SettingNames.Name(Setting.AbortOnPrompts)}){then}");
        }

        return context.SecretPrompt
            ?? throw new AbortException($"Needed to ask '{text.Trim()}', but there is no terminal to answer on (standard input is not one){then}");
    }

    private static AbortException Closed(string text) =>
        new($"Needed to ask '{text.Trim()}', but the input was closed before an answer came.");

    private static string Prefix() => CurrentLogin.Display(Ambient.Frame, Ambient.Scope, Ambient.Context.Env) is { } host ? $"[{host}] " : "";

    private static T Keep<T>(RunContext context, string key, T value)
    {
        context.Env.Values[key] = value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
        return value;
    }
}
