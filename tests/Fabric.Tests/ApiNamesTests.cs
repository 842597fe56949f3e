using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Fabric.Tests;

/// <summary>
/// <c>using static Fabric.Api;</c> brings every public member of <see cref="Api"/> into scope, and a member named like a
/// type hides that type: with a method <c>Api.Path</c>, <c>Path.Combine(…)</c> in a fabfile is error CS0119.
/// </summary>
public class ApiNamesTests
{
    /// <summary>Types a fabfile commonly names, checked even if the namespaces below stopped exporting them.</summary>
    private static readonly string[] Common =
        ["Path", "File", "Directory", "Environment", "Console", "Process", "Task", "Thread", "Math", "Convert", "Guid",
         "DateTime", "TimeSpan", "Regex", "Encoding", "StringBuilder", "HttpClient", "Enumerable", "Stopwatch", "Random"];

    /// <summary>The implicit usings of an SDK project, and the namespaces fabfiles add most.</summary>
    private static readonly string[] Namespaces =
        ["System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading",
         "System.Threading.Tasks", "System.Diagnostics", "System.Text", "System.Text.RegularExpressions"];

    [Fact]
    public void No_public_Api_member_is_named_like_a_commonly_used_System_type()
    {
        var assemblies = new[] { typeof(object), typeof(Enumerable), typeof(List<>), typeof(HttpClient), typeof(Process), typeof(Regex), typeof(Stack<>) }
            .Select(t => t.Assembly).Distinct();
        var typeNames = assemblies
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Namespace is { } ns && Namespaces.Contains(ns))
            .Select(t => t.Name.Split('`')[0])
            .Concat(Common)
            .ToHashSet(StringComparer.Ordinal);

        var members = typeof(Api).GetMembers(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Distinct();

        var hiding = members.Where(typeNames.Contains).ToList();
        Assert.True(hiding.Count == 0, "These Api members hide a System type under 'using static Fabric.Api;': " + string.Join(", ", hiding));
    }

    [Fact]
    public void The_remote_PATH_scope_is_AddPath_so_System_IO_Path_stays_usable()
    {
        Assert.NotEmpty(typeof(Api).GetMember(nameof(Api.AddPath)));
        Assert.Empty(typeof(Api).GetMember("Path"));
    }
}
