namespace Fabric;

/// <summary>How <see cref="Api.AddPath"/> changes the remote <c>PATH</c>.</summary>
public enum PathBehavior
{
    /// <summary>Add the directory at the end: <c>PATH=$PATH:dir</c>.</summary>
    Append,

    /// <summary>Add the directory at the front: <c>PATH=dir:$PATH</c>.</summary>
    Prepend,

    /// <summary>Use only this directory: <c>PATH=dir</c>.</summary>
    Replace,
}
