using Fabric.Engine;
using Fabric.Tool.Fabfiles;

namespace Fabric.Tests.Tool.Fabfiles;

public sealed class FabfileLocatorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Fabfile_csproj_in_the_current_folder_is_found()
    {
        var project = temp.Write("repo/fabfile.csproj");

        var found = FabfileLocator.Locate(null, temp.PathOf("repo"));

        Assert.Equal(FabfileLocation.Project(project), found);
    }

    [Fact]
    public void Capitalised_Fabfile_csproj_is_found()
    {
        var project = temp.Write("repo/Fabfile.csproj");

        Assert.Equal(project, FabfileLocator.Locate(null, temp.PathOf("repo")).Path);
    }

    [Fact]
    public void Fabfile_folder_with_one_project_is_found()
    {
        var project = temp.Write("repo/fabfile/Deploy.csproj");

        var found = FabfileLocator.Locate(null, temp.PathOf("repo"));

        Assert.Equal(project, found.Path);
        Assert.False(found.IsBuiltAssembly);
    }

    [Fact]
    public void Fabfile_in_a_parent_folder_is_found()
    {
        var project = temp.Write("repo/fabfile/Fabfile.csproj");
        var deep = temp.Folder("repo/src/app/sub");

        Assert.Equal(project, FabfileLocator.Locate(null, deep).Path);
    }

    [Fact]
    public void Nearest_fabfile_wins_over_one_further_up()
    {
        temp.Write("repo/fabfile.csproj");
        var nearer = temp.Write("repo/app/fabfile/Fabfile.csproj");

        Assert.Equal(nearer, FabfileLocator.Locate(null, temp.PathOf("repo/app")).Path);
    }

    [Fact]
    public void Other_projects_in_the_current_folder_are_not_fabfiles()
    {
        temp.Write("repo/App.csproj");
        var project = temp.Write("repo/fabfile/Fabfile.csproj");

        Assert.Equal(project, FabfileLocator.Locate(null, temp.PathOf("repo")).Path);
    }

    [Fact]
    public void Not_found_names_every_folder_it_looked_in()
    {
        var deep = temp.Folder("nothing/here");

        var error = Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate(null, deep));

        Assert.Contains("No fabfile found", error.Message, StringComparison.Ordinal);
        Assert.Contains(deep, error.Message, StringComparison.Ordinal);
        Assert.Contains(temp.PathOf("nothing"), error.Message, StringComparison.Ordinal);
        Assert.Contains("fabfile.csproj", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fabfile_folder_with_two_projects_is_an_error_naming_both()
    {
        temp.Write("repo/fabfile/One.csproj");
        temp.Write("repo/fabfile/Two.csproj");

        var error = Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate(null, temp.PathOf("repo")));

        Assert.Contains("One.csproj", error.Message, StringComparison.Ordinal);
        Assert.Contains("Two.csproj", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_naming_a_folder_finds_its_one_project()
    {
        var project = temp.Write("tasks/Tasks.csproj");

        Assert.Equal(project, FabfileLocator.Locate("tasks", temp.Root).Path);
    }

    [Fact]
    public void Option_naming_a_folder_with_two_projects_is_an_error_naming_both()
    {
        temp.Write("tasks/A.csproj");
        temp.Write("tasks/B.csproj");

        var error = Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate("tasks", temp.Root));

        Assert.Contains("A.csproj", error.Message, StringComparison.Ordinal);
        Assert.Contains("B.csproj", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_naming_a_folder_that_holds_a_fabfile_folder_finds_it()
    {
        var project = temp.Write("repo/fabfile/Fabfile.csproj");

        Assert.Equal(project, FabfileLocator.Locate(temp.PathOf("repo"), temp.Folder("elsewhere")).Path);
    }

    [Fact]
    public void Option_naming_a_project_is_used_as_is()
    {
        temp.Write("repo/fabfile/Fabfile.csproj");
        var other = temp.Write("repo/ops/Ops.csproj");

        var found = FabfileLocator.Locate("ops/Ops.csproj", temp.PathOf("repo"));

        Assert.Equal(FabfileLocation.Project(other), found);
    }

    [Fact]
    public void Option_naming_a_dll_is_a_built_assembly()
    {
        var dll = temp.Write("out/Fabfile.dll");

        var found = FabfileLocator.Locate(dll, temp.Folder("elsewhere"));

        Assert.True(found.IsBuiltAssembly);
        Assert.Equal(dll, found.Path);
    }

    [Fact]
    public void Option_naming_nothing_that_exists_is_an_error_naming_it()
    {
        var error = Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate("missing.csproj", temp.Root));

        Assert.Contains(temp.PathOf("missing.csproj"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_naming_a_file_of_another_kind_is_an_error()
    {
        temp.Write("notes.txt");

        var error = Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate("notes.txt", temp.Root));

        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_naming_an_empty_folder_is_an_error()
    {
        temp.Folder("empty");

        Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate("empty", temp.Root));
    }

    [Fact]
    public void Fabfile_cs_in_the_current_folder_is_a_single_file_fabfile()
    {
        var file = temp.Write("repo/fabfile.cs");

        var found = FabfileLocator.Locate(null, temp.PathOf("repo"));

        Assert.Equal(FabfileLocation.SingleFile(file), found);
        Assert.Equal(FabfileKind.SingleFile, found.Kind);
        Assert.False(found.IsBuiltAssembly);
    }

    [Fact]
    public void Fabfile_cs_in_a_parent_folder_is_found()
    {
        var file = temp.Write("repo/fabfile.cs");

        Assert.Equal(FabfileLocation.SingleFile(file), FabfileLocator.Locate(null, temp.Folder("repo/src/app")));
    }

    [Fact]
    public void Nearest_fabfile_wins_whatever_its_kind()
    {
        temp.Write("repo/fabfile/Fabfile.csproj");
        var nearer = temp.Write("repo/app/fabfile.cs");

        Assert.Equal(FabfileLocation.SingleFile(nearer), FabfileLocator.Locate(null, temp.PathOf("repo/app")));
    }

    [Fact]
    public void Fabfile_cs_and_a_fabfile_folder_in_one_folder_are_an_error_naming_both()
    {
        temp.Write("repo/fabfile.cs");
        temp.Write("repo/fabfile/Fabfile.csproj");

        var error = Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate(null, temp.PathOf("repo")));

        Assert.Equal(
            $"{temp.PathOf("repo")} holds 2 fabfiles (fabfile/Fabfile.csproj, fabfile.cs); keep one, or name the one to use with -f/--fabfile.",
            error.Message);
    }

    [Fact]
    public void Fabfile_folder_and_fabfile_csproj_in_one_folder_are_an_error()
    {
        temp.Write("repo/fabfile.csproj");
        temp.Write("repo/fabfile/Fabfile.csproj");

        var error = Assert.Throws<FabricUsageException>(() => FabfileLocator.Locate(null, temp.PathOf("repo")));

        Assert.Contains("fabfile/Fabfile.csproj, fabfile.csproj", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fabfile_cs_next_to_a_project_is_that_projects_source()
    {
        var project = temp.Write("repo/fabfile.csproj");
        temp.Write("repo/fabfile.cs");

        Assert.Equal(FabfileLocation.Project(project), FabfileLocator.Locate(null, temp.PathOf("repo")));
    }

    [Fact]
    public void Inside_a_fabfile_project_folder_its_Fabfile_cs_is_not_taken_for_a_single_file_fabfile()
    {
        var project = temp.Write("repo/fabfile/Deploy.csproj");
        temp.Write("repo/fabfile/Fabfile.cs");

        Assert.Equal(FabfileLocation.Project(project), FabfileLocator.Locate(null, temp.PathOf("repo/fabfile")));
    }

    [Fact]
    public void Option_naming_a_cs_file_is_a_single_file_fabfile_whatever_its_name()
    {
        temp.Write("repo/fabfile/Fabfile.csproj");
        var file = temp.Write("repo/ops/tasks.cs");

        Assert.Equal(FabfileLocation.SingleFile(file), FabfileLocator.Locate("ops/tasks.cs", temp.PathOf("repo")));
    }

    [Fact]
    public void Option_naming_a_folder_with_a_fabfile_cs_finds_it()
    {
        var file = temp.Write("ops/fabfile.cs");

        Assert.Equal(FabfileLocation.SingleFile(file), FabfileLocator.Locate("ops", temp.Root));
    }
}
