namespace Fabric.Tool.Console;

/// <summary>The parts of the terminal's status line, in the order they are shown.</summary>
internal enum StatusPart
{
    /// <summary>A parallel run's counts: hosts done, failed, running.</summary>
    Run,

    /// <summary>The bar of a large <c>Put</c>/<c>Get</c>.</summary>
    Transfer,
}
