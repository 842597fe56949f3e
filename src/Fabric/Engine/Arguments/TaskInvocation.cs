namespace Fabric.Engine.Arguments;

/// <summary>
/// One <c>task[:args]</c> token of the command line, split but not yet bound:
/// <c>deploy:main,restart=false</c> → name <c>deploy</c>, positional <c>main</c>, named <c>restart=false</c>.
/// </summary>
/// <param name="Token">The token as given, for messages.</param>
/// <param name="Name">The task name as written.</param>
/// <param name="Positional">Positional values, unescaped, in order.</param>
/// <param name="Named">Named values (<c>name=value</c>), unescaped, in order; names as written.</param>
internal sealed record TaskInvocation(
    string Token,
    string Name,
    IReadOnlyList<string> Positional,
    IReadOnlyList<KeyValuePair<string, string>> Named);
