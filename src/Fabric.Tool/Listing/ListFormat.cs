namespace Fabric.Tool.Listing;

/// <summary>How <c>--list</c> prints the task table (<c>--list-format</c>).</summary>
internal enum ListFormat
{
    /// <summary>Names with aligned descriptions, under a heading per class when tasks come from several classes.</summary>
    Normal,

    /// <summary>Names only, one a line: for scripts and shell completion.</summary>
    Short,

    /// <summary>Groups as nested levels, like Fabric's module namespaces.</summary>
    Nested,

    /// <summary>Everything about each task, as JSON.</summary>
    Json,
}
