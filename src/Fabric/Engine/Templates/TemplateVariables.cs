using Fluid;
using Fluid.Ast;

namespace Fabric.Engine.Templates;

/// <summary>
/// The names a template takes from its context: the first part of each variable it reads (<c>server</c> in
/// <c>{{ server.name }}</c>), less those it makes itself (<c>assign</c>, <c>capture</c>, loop variables, counters, macros and
/// their arguments) and Liquid's own (<c>forloop</c>, <c>empty</c>, …). In order of first use.
/// </summary>
internal sealed class TemplateVariables : AstVisitor
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.OrdinalIgnoreCase)
    {
        "forloop", "tablerowloop", "empty", "blank", "nil", "null", "true", "false",
    };

    private readonly List<string> _read = [];
    private readonly HashSet<string> _made = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names <paramref name="template"/> reads and does not make itself.</summary>
    public static IReadOnlyList<string> Of(IFluidTemplate template)
    {
        var visitor = new TemplateVariables();
        visitor.VisitTemplate(template);
        return [.. visitor._read.Distinct(StringComparer.OrdinalIgnoreCase).Where(n => !visitor._made.Contains(n) && !BuiltIn.Contains(n))];
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment first)
        {
            _read.Add(first.Identifier);
        }

        return base.VisitMemberExpression(memberExpression);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement) =>
        Made(assignStatement.Identifier, base.VisitAssignStatement(assignStatement));

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement) =>
        Made(captureStatement.Identifier, base.VisitCaptureStatement(captureStatement));

    protected override Statement VisitForStatement(ForStatement forStatement) =>
        Made(forStatement.Identifier, base.VisitForStatement(forStatement));

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement) =>
        Made(tableRowStatement.Identifier, base.VisitTableRowStatement(tableRowStatement));

    protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement) =>
        Made(incrementStatement.Identifier, base.VisitIncrementStatement(incrementStatement));

    protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement) =>
        Made(decrementStatement.Identifier, base.VisitDecrementStatement(decrementStatement));

    protected override Statement VisitMacroStatement(MacroStatement macroStatement)
    {
        foreach (var argument in macroStatement.Arguments)
        {
            _made.Add(argument.Name);
        }

        return Made(macroStatement.Identifier, base.VisitMacroStatement(macroStatement));
    }

    private Statement Made(string? name, Statement statement)
    {
        if (!string.IsNullOrEmpty(name))
        {
            _made.Add(name);
        }

        return statement;
    }
}
