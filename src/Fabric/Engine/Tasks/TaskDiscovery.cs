using System.Reflection;
using System.Runtime.CompilerServices;

namespace Fabric.Engine.Tasks;

/// <summary>Turns a fabfile assembly's public methods into its task table.</summary>
internal static class TaskDiscovery
{
    private static readonly string[] FrameworkAssemblyPrefixes = ["System.", "Microsoft."];

    /// <summary>
    /// Finds the candidate methods; if any carries <see cref="TaskAttribute"/>, only those are tasks
    /// (Fabric 1.x "new-style"), otherwise all are (Fabric 0.9 "classic").
    /// </summary>
    /// <exception cref="FabricUsageException">Two tasks share a name, or two top-level tasks are the default.</exception>
    public static TaskTable Discover(Assembly assembly, XmlDocumentation? documentation = null) =>
        Discover(TaskTypes(assembly), documentation);

    /// <summary>The task table of the given classes (an assembly's <see cref="TaskTypes"/>, or a test's own).</summary>
    public static TaskTable Discover(IEnumerable<Type> types, XmlDocumentation? documentation = null)
    {
        documentation ??= XmlDocumentation.Empty;
        var candidates = Candidates(types).ToList();
        var newStyle = candidates.Any(m => m.GetCustomAttribute<TaskAttribute>() is not null);
        var tasks = new List<TaskDefinition>();
        TaskDefinition? defaultTask = null;
        foreach (var method in candidates)
        {
            var attribute = method.GetCustomAttribute<TaskAttribute>();
            if (newStyle && attribute is null)
            {
                continue;
            }

            var task = Define(method, attribute, documentation);
            if (attribute is { Default: true } && GroupOf(method.DeclaringType!) is null)
            {
                if (defaultTask is not null)
                {
                    throw new FabricUsageException(
                        $"Two tasks are the default task: {defaultTask.MethodDisplayName} and {task.MethodDisplayName}. Only one top-level task can have [Task(Default = true)].");
                }

                defaultTask = task;
            }

            tasks.Add(task);
        }

        return new TaskTable(tasks, defaultTask);
    }

    /// <summary>The public methods of the given classes that can be tasks, in declaration order.</summary>
    public static IEnumerable<MethodInfo> Candidates(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            var flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
            if (!type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                flags |= BindingFlags.Instance;
            }

            foreach (var method in type.GetMethods(flags).OrderBy(m => m.MetadataToken))
            {
                if (IsCandidate(method))
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>The public, non-generic, non-compiler-generated classes of the assembly.</summary>
    public static IEnumerable<Type> TaskTypes(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsGenericTypeDefinition && !t.IsDefined(typeof(CompilerGeneratedAttribute), false)
                && !t.IsSubclassOf(typeof(Delegate)) && !t.IsSubclassOf(typeof(Attribute)) && !t.IsSubclassOf(typeof(Exception)))
            .OrderBy(t => t.MetadataToken);
    }

    private static bool IsCandidate(MethodInfo method) =>
        !method.IsSpecialName
        && !method.IsGenericMethodDefinition
        && !method.Name.StartsWith('_')
        && !method.IsDefined(typeof(CompilerGeneratedAttribute), false)
        && !IsFramework(method.GetBaseDefinition().DeclaringType)
        && !method.GetParameters().Any(p => p.ParameterType.IsByRef || p.ParameterType.IsPointer)
        && method.Name is not ("Main" or "<Main>$");

    /// <summary>
    /// True for types of Fabric itself or of the framework (assemblies named <c>System*</c>, <c>Microsoft*</c>,
    /// <c>mscorlib</c>, <c>netstandard</c>). Decided by assembly, not namespace: a user's <c>Fabric.Deploy</c>
    /// namespace is the user's.
    /// </summary>
    private static bool IsFramework(Type? type) =>
        type is not null
        && (type.Assembly == typeof(TaskAttribute).Assembly
            || type.Assembly.GetName().Name is "mscorlib" or "netstandard"
            || FrameworkAssemblyPrefixes.Any(p => type.Assembly.GetName().Name?.StartsWith(p, StringComparison.Ordinal) == true));

    /// <summary>A method that is not a task of the table, as a task named <paramref name="name"/>: its attributes apply.</summary>
    public static TaskDefinition Define(MethodInfo method, string name) =>
        Define(method, null, XmlDocumentation.Empty) with { Name = name };

    private static TaskDefinition Define(MethodInfo method, TaskAttribute? attribute, XmlDocumentation documentation)
    {
        var type = method.DeclaringType!;
        var group = GroupOf(type);
        string Qualify(string name) => group is null ? name : $"{group}.{name}";

        var aliases = (attribute?.Aliases ?? []).Select(Qualify).ToList();
        if (attribute is { Default: true } && group is not null)
        {
            aliases.Add(group);
        }

        var methodHosts = method.GetCustomAttribute<HostsAttribute>();
        var methodRoles = method.GetCustomAttribute<RolesAttribute>();
        var useClass = methodHosts is null && methodRoles is null;
        var hosts = (useClass ? type.GetCustomAttribute<HostsAttribute>() : methodHosts)?.Hosts ?? [];
        var roles = (useClass ? type.GetCustomAttribute<RolesAttribute>() : methodRoles)?.Roles ?? [];

        return new TaskDefinition(
            Qualify(attribute?.Name ?? TaskNames.ToKebabCase(method.Name)),
            aliases,
            attribute?.Description ?? documentation.FirstSentence(method),
            method,
            TaskDefinition.ReadParameters(method),
            hosts,
            roles)
        {
            HostsFromClass = useClass && (hosts.Count > 0 || roles.Count > 0),
            Concurrency = ConcurrencyOf(method),
        };
    }

    private static TaskConcurrency ConcurrencyOf(MethodInfo method)
    {
        var parallel = method.GetCustomAttribute<ParallelAttribute>();
        if (parallel is { PoolSize: < 0 })
        {
            throw new FabricUsageException(
                $"[Parallel(PoolSize = {parallel.PoolSize})] on {method.DeclaringType?.FullName}.{method.Name}: the pool size must be at least 1 (or 0 for the run's own).");
        }

        var runsOnce = method.IsDefined(typeof(RunsOnceAttribute), true);
        bool? mode = runsOnce || (parallel is null && method.IsDefined(typeof(SerialAttribute), true)) ? false : parallel is null ? null : true;
        return new TaskConcurrency(mode, parallel is { PoolSize: > 0 } ? parallel.PoolSize : null, runsOnce);
    }

    private static string? GroupOf(Type type) => type.GetCustomAttribute<TaskGroupAttribute>()?.Name;
}
