using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Prompts;

/// <summary>A terminal that answers from a list (null: the input was closed) and records what it was asked and told.</summary>
internal sealed class FakePrompt(params string?[] answers) : ISecretPrompt
{
    private readonly Queue<string?> _answers = new(answers);

    public List<string> Asked { get; } = [];

    public List<string> Told { get; } = [];

    public string? Ask(string prompt) => AskVisible(prompt);

    public string? AskVisible(string prompt)
    {
        Asked.Add(prompt);
        return _answers.Count > 0 ? _answers.Dequeue() : throw new InvalidOperationException("asked more often than the test expects: " + prompt);
    }

    public void Tell(string text) => Told.Add(text);
}
