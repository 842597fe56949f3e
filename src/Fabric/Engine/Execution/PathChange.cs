namespace Fabric.Engine.Execution;

/// <summary>One <c>Path</c> scope: a directory and how it joins the remote <c>PATH</c>.</summary>
internal sealed record PathChange(string Directory, PathBehavior Behavior);
