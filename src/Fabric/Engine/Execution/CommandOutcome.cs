using Fabric.Engine.Output;

namespace Fabric.Engine.Execution;

/// <summary>What happens after a command ends: a failure aborts the run, or under warn-only is a warning.</summary>
internal static class CommandOutcome
{
    /// <param name="context">The run.</param>
    /// <param name="result">What the command returned.</param>
    /// <param name="scope">The settings in force (warn-only, secrets).</param>
    /// <param name="why">A message that says more than the exit code (the cause, found out), or null for the usual one.</param>
    public static CommandResult Check(RunContext context, CommandResult result, ScopeSettings scope, string? why = null)
    {
        if (result.Succeeded)
        {
            return result;
        }

        if (scope.FailureWarns(context.Env.WarnOnly))
        {
            OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Warning, result.Host, why ?? CommandFailedException.Describe(result)));
            return result;
        }

        // Masked now, while the Secrets(...) scopes of the failing call are still in force: the runner prints it after they end.
        throw new CommandFailedException(result, OutputGroups.SecretsOf(context, scope).Mask(why ?? CommandFailedException.Describe(result)));
    }
}
