namespace Fabric.Engine.Ssh;

/// <summary>
/// Asks the person running the fabfile for a secret (sudo password, key passphrase, login password)
/// without echoing it. The engine never reads the console itself: the tool supplies this on
/// <see cref="Execution.RunContext.SecretPrompt"/>. Must be safe to call from several threads (the
/// implementation serialises its questions).
/// </summary>
public interface ISecretPrompt
{
    /// <summary>Asks <paramref name="prompt"/>; returns the answer, or null when nobody can answer (no terminal).</summary>
    string? Ask(string prompt);

    /// <summary>Asks for something that is not secret (a host string), echoing the answer; null when nobody can answer.</summary>
    string? AskVisible(string prompt) => Ask(prompt);

    /// <summary>Tells the person answering something about their answer (why it was not accepted), where the questions appear.</summary>
    void Tell(string text)
    {
    }
}
