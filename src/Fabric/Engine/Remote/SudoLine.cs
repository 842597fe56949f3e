namespace Fabric.Engine.Remote;

/// <summary>How a command line goes through sudo.</summary>
/// <param name="Marker">The prompt given to <c>sudo -p</c>, recognised in the output and answered with the password.</param>
/// <param name="User">The user to run as; null: root.</param>
/// <param name="StartMarker">Printed by the command once sudo let it start; null: not needed (the command gets no input).</param>
/// <param name="Terminal">The command runs on a pseudo-terminal: sudo asks there instead of reading its input.</param>
internal sealed record SudoLine(string Marker, string? User, string? StartMarker = null, bool Terminal = false);
