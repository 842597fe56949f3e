using Fabric.Engine.Output;

namespace Fabric.Engine.Execution;

/// <summary>What happens after a command ends: a failure aborts the run, or under warn-only is a warning.</summary>
internal static class CommandOutcome
{
    public static CommandResult Check(RunContext context, CommandResult result, ScopeSettings scope)
    {
        if (result.Succeeded)
        {
            return result;
        }

        if (scope.WarnOnly ?? context.Env.WarnOnly)
        {
            OutputGroups.Write(context, scope, new OutputEvent(OutputKind.Warning, result.Host, CommandFailedException.Describe(result)));
            return result;
        }

        // Masked now, while the Secrets(...) scopes of the failing call are still in force: the runner prints it after they end.
        throw new CommandFailedException(result, SecretMask.Apply(CommandFailedException.Describe(result), OutputGroups.SecretsOf(context, scope)));
    }
}
