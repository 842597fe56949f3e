using System.Text;

namespace Fabric.Engine.Tasks;

/// <summary>How task and parameter names are shown and matched.</summary>
internal static class TaskNames
{
    /// <summary>
    /// A method name in kebab-case: <c>DeployWeb</c> → <c>deploy-web</c>, <c>HTTPServer</c> → <c>http-server</c>,
    /// <c>deploy_web</c> → <c>deploy-web</c>, <c>Step2Go</c> → <c>step2-go</c>.
    /// </summary>
    public static string ToKebabCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or ' ')
            {
                if (text.Length > 0 && text[^1] != '-')
                {
                    text.Append('-');
                }

                continue;
            }

            if (char.IsUpper(c) && text.Length > 0 && text[^1] != '-')
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    text.Append('-');
                }
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString().Trim('-');
    }

    /// <summary>The form names are compared in: lower case, without <c>-</c> and <c>_</c>.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('-' or '_'))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
