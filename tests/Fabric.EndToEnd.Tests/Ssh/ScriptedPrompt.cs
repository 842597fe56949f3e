using Fabric.Engine.Ssh;

namespace Fabric.EndToEnd.Tests.Ssh;

/// <summary>Answers secret prompts from a script, recording each question (the terminal side of the engine's prompt interface).</summary>
internal sealed class ScriptedPrompt(params string?[] answers) : ISecretPrompt
{
    private readonly Queue<string?> _answers = new(answers);
    private readonly List<string> _questions = [];

    public IReadOnlyList<string> Questions
    {
        get
        {
            lock (_questions)
            {
                return [.. _questions];
            }
        }
    }

    public string? Ask(string prompt)
    {
        lock (_questions)
        {
            _questions.Add(prompt);
            return _answers.Count > 0 ? _answers.Dequeue() : null;
        }
    }
}
