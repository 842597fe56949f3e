using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fabric.Engine.Tasks;

/// <summary>The <c>&lt;summary&gt;</c> texts of a fabfile's XML documentation file, by member.</summary>
internal sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    public static XmlDocumentation Empty { get; } = new([]);

    /// <summary>Reads the documentation file; a missing or unreadable file gives <see cref="Empty"/>.</summary>
    public static XmlDocumentation Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return Empty;
        }

        try
        {
            var document = XDocument.Load(path);
            var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in document.Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
                {
                    summaries[name] = PlainText(summary);
                }
            }

            return new XmlDocumentation(summaries);
        }
        catch (System.Xml.XmlException)
        {
            return Empty;
        }
    }

    /// <summary>The first sentence of the method's summary, or null.</summary>
    public string? FirstSentence(MethodInfo method)
    {
        if (!_summaries.TryGetValue(MemberId(method), out var summary) || summary.Length == 0)
        {
            return null;
        }

        var end = SentenceEnd().Match(summary);
        return end.Success ? summary[..(end.Index + 1)] : summary;
    }

    /// <summary>The documentation ID of a method (<c>M:Ns.Type.Method(System.String,System.Int32)</c>).</summary>
    public static string MemberId(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var id = new StringBuilder("M:").Append(TypeId(method.DeclaringType!)).Append('.').Append(method.Name);
        var parameters = method.GetParameters();
        if (parameters.Length > 0)
        {
            id.Append('(').AppendJoin(',', parameters.Select(p => TypeId(p.ParameterType))).Append(')');
        }

        return id.ToString();
    }

    private static string TypeId(Type type)
    {
        if (type.IsByRef)
        {
            return TypeId(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return TypeId(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var definition = type.GetGenericTypeDefinition();
            var name = TypeId(definition);
            name = name[..name.LastIndexOf('`')];
            return $"{name}{{{string.Join(',', type.GetGenericArguments().Select(TypeId))}}}";
        }

        return (type.FullName ?? type.Name).Replace('+', '.');
    }

    private static string PlainText(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.DescendantNodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" or "paramref" or "typeparamref" } e when !e.Nodes().Any():
                    var reference = (e.Attribute("cref") ?? e.Attribute("name") ?? e.Attribute("langword"))?.Value ?? "";
                    text.Append(reference.Contains(':', StringComparison.Ordinal) ? reference[(reference.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('.')[^1] : reference);
                    break;
            }
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
