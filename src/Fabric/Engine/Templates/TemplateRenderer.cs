using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Fabric.Engine.Templates;

/// <summary>
/// Renders <c>UploadTemplate</c>'s templates: Liquid (<c>{{ name }}</c>, <c>{% if %}</c>, <c>{% for %}</c>, filters), with
/// Fluid, to a string in memory. Strict as Fabric's <c>%</c> formatting was (a missing key was a <c>KeyError</c>): a
/// template that reads a name its context does not give, a member its object does not have, or a filter that does not
/// exist is refused, naming it, the template and the line. A name given as null is fine: it renders as nothing and is
/// false in <c>{% if %}</c>. Nothing is HTML-escaped: these are configuration files.
/// </summary>
internal static partial class TemplateRenderer
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithStrictFilters(true)
        .WithUndefined((name, type) => type is null
            ? new ValueTask<FluidValue>(NilValue.Instance)
            : throw new MissingMemberException($"'{name}' is not a member of {Describe(type)}"))
        .WithMemberAccessStrategy(() => new DefaultMemberAccessStrategy())
        .Build();

    /// <summary>The text of <paramref name="source"/> with <paramref name="model"/>'s values.</summary>
    /// <param name="source">The template's text.</param>
    /// <param name="model">Its context.</param>
    /// <param name="shown">How to name the template in messages (its path).</param>
    /// <exception cref="TemplateException">It is not valid Liquid, or reads something its context does not give.</exception>
    public static string Render(string source, TemplateModel model, string shown)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new TemplateException($"template {shown} is not valid Liquid: {FirstLine(error)}");
        }

        var missing = TemplateVariables.Of(template)
            .Where(name => !model.Names.Contains(name) && !(model.NamesIgnoreCase && model.Names.Contains(name, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        if (missing.Count > 0)
        {
            var given = model.Names.Count == 0 ? "it gives none" : "it gives " + string.Join(", ", model.Names.Order(StringComparer.Ordinal));
            var named = string.Join(", ", missing.Select(name => $"'{name}'{LineOf(source, name)}"));
            throw new TemplateException($"template {shown} uses {named}, which the context does not give ({given}); pass it, as null if it is optional.");
        }

        try
        {
            return template.Render(new TemplateContext(model.Value, Options));
        }
        catch (MissingMemberException e)
        {
            throw new TemplateException($"template {shown}: {e.Message}", e);
        }
        catch (FluidException e)
        {
            throw new TemplateException($"template {shown}: {FirstLine(e.Message)}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new TemplateException($"template {shown}: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary><c> (line N)</c>: where <paramref name="name"/> is first read inside a tag, or nothing when it cannot be told.</summary>
    private static string LineOf(string source, string name)
    {
        var match = Regex.Match(source, @"\{[{%](?:(?![}%]\}).)*?(?<![\w.])" + Regex.Escape(name) + @"(?![\w])", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        if (!match.Success)
        {
            return "";
        }

        var at = match.Index + match.Value.LastIndexOf(name, StringComparison.OrdinalIgnoreCase);
        return $" (line {source.AsSpan(0, at).Count('\n') + 1})";
    }

    private static string Describe(Type type) =>
        type.Name.Contains("AnonymousType", StringComparison.Ordinal) ? "the anonymous object there" : $"the {type.Name} there";

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim().TrimEnd('.');
}
