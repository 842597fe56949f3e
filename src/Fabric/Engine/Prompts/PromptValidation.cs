using System.Text.RegularExpressions;

namespace Fabric.Engine.Prompts;

/// <summary>
/// What <c>Prompt</c>'s <c>validate</c> makes of an answer, as Fabric's <c>prompt(validate=)</c>: a function that returns
/// the value to use and throws to reject the answer (the exception's message is the reason shown), or a regular
/// expression the whole answer must match (<see cref="PromptPatterns"/>).
/// </summary>
/// <typeparam name="T">The type of the value the prompt returns.</typeparam>
/// <param name="check">Returns the value for an answer, or throws why it is not accepted.</param>
internal sealed class PromptValidation<T>(Func<string, T> check)
{
    /// <summary>The value for <paramref name="answer"/>, or why it is not accepted.</summary>
    public (T? Value, string? Error) Check(string answer)
    {
        try
        {
            return (check(answer), null);
        }
        catch (Exception e) when (e is not (OperationCanceledException or AbortException))
        {
            return (default, string.IsNullOrWhiteSpace(e.Message) ? e.GetType().Name : e.Message);
        }
    }
}

/// <summary>The string validations of <c>Prompt</c>: none, or a regular expression.</summary>
internal static class PromptPatterns
{
    /// <summary>Takes the answer as it is.</summary>
    public static PromptValidation<string> None { get; } = new(answer => answer);

    /// <summary>The answer must match <paramref name="pattern"/> as a whole (anchored with <c>^</c> and <c>$</c> when it is not, as Fabric does).</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static PromptValidation<string> Matching(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var anchored = (pattern.StartsWith('^') ? "" : "^") + pattern + (pattern.EndsWith('$') ? "" : "$");
        var regex = new Regex(anchored, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return new(answer => regex.IsMatch(answer)
            ? answer
            : throw new FormatException($"Regular expression validation failed: '{answer}' does not match '{anchored}'."));
    }
}
