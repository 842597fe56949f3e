using Fabric.Tool.Fabfiles;

namespace Fabric.Tests.Tool.Fabfiles;

public sealed class FabfileStampTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string project;
    private readonly string source;

    public FabfileStampTests()
    {
        project = temp.Write("repo/fabfile/Fabfile.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        source = temp.Write("repo/fabfile/Fabfile.cs", "public static class Fabfile { }");
    }

    public void Dispose() => temp.Dispose();

    private string Hash() => FabfileStamp.ComputeInputHash(project);

    [Fact]
    public void Hash_is_stable_when_nothing_changed()
    {
        Assert.Equal(Hash(), Hash());
    }

    [Fact]
    public void Hash_changes_when_a_source_file_changes()
    {
        var before = Hash();

        File.WriteAllText(source, "public static class Fabfile { public static void Deploy() { } }");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Hash_changes_when_a_source_file_is_touched_with_the_same_size()
    {
        var before = Hash();

        File.SetLastWriteTimeUtc(source, File.GetLastWriteTimeUtc(source).AddSeconds(5));

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Hash_changes_when_a_source_file_is_added_in_a_subfolder()
    {
        var before = Hash();

        temp.Write("repo/fabfile/Tasks/Db.cs", "class Db { }");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Hash_changes_when_the_project_file_changes()
    {
        var before = Hash();

        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup /></Project>");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Hash_changes_when_a_Directory_Build_props_above_changes()
    {
        var props = temp.Write("repo/Directory.Build.props", "<Project />");
        var before = Hash();

        File.WriteAllText(props, "<Project><PropertyGroup /></Project>");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Hash_changes_when_a_global_json_above_appears()
    {
        var before = Hash();

        temp.Write("repo/global.json", "{}");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Hash_changes_when_the_restore_output_changes()
    {
        var before = Hash();

        temp.Write("repo/fabfile/obj/project.assets.json", "{}");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Hash_ignores_files_in_bin_and_obj()
    {
        var before = Hash();

        temp.Write("repo/fabfile/bin/Debug/Generated.cs", "class A { }");
        temp.Write("repo/fabfile/obj/Debug/Fabfile.AssemblyInfo.cs", "class B { }");
        temp.Write("repo/fabfile/obj/dotnet-fab.stamp", "anything");

        Assert.Equal(before, Hash());
    }

    [Fact]
    public void Hash_changes_when_a_referenced_project_source_changes()
    {
        temp.Write("repo/lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var librarySource = temp.Write("repo/lib/Lib.cs", "class Lib { }");
        File.WriteAllText(
            project,
            "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\lib\\Lib.csproj\" /></ItemGroup></Project>");
        var before = Hash();

        File.WriteAllText(librarySource, "class Lib { void M() { } }");

        Assert.NotEqual(before, Hash());
    }

    [Fact]
    public void Project_references_are_read_relative_to_the_project()
    {
        File.WriteAllText(
            project,
            "<Project><ItemGroup><ProjectReference Include=\"..\\lib\\Lib.csproj\" />"
            + "<ProjectReference Include=\"$(MSBuildThisFileDirectory)../other/Other.csproj\" /></ItemGroup></Project>");

        var references = FabfileInputs.ProjectReferences(project).ToList();

        Assert.Equal([temp.PathOf("repo/lib/Lib.csproj"), temp.PathOf("repo/other/Other.csproj")], references);
    }

    [Fact]
    public void Project_references_are_read_whatever_their_quotes_and_layout_but_not_from_comments()
    {
        File.WriteAllText(
            project,
            "<Project>\n  <!-- <ProjectReference Include=\"..\\old\\Old.csproj\" /> -->\n  <ItemGroup>\n"
            + "    <ProjectReference\n        Include='..\\lib\\Lib.csproj'\n        PrivateAssets=\"all\" />\n"
            + "    <ProjectReference Condition=\"'$(X)' == ''\" Include=\"..\\a&amp;b\\AB.csproj;..\\c\\C.csproj\" />\n"
            + "  </ItemGroup>\n</Project>");

        var references = FabfileInputs.ProjectReferences(project).ToList();

        Assert.Equal([temp.PathOf("repo/lib/Lib.csproj"), temp.PathOf("repo/a&b/AB.csproj"), temp.PathOf("repo/c/C.csproj")], references);
    }

    [Fact]
    public void Source_written_after_a_build_started_counts_as_changed_since()
    {
        var started = DateTime.UtcNow;
        File.SetLastWriteTimeUtc(source, started.AddSeconds(-10));
        File.SetLastWriteTimeUtc(project, started.AddSeconds(-10));
        temp.Write("repo/fabfile/obj/project.assets.json", "{}");

        Assert.False(FabfileInputs.ChangedSince(project, started));

        File.SetLastWriteTimeUtc(source, started.AddSeconds(1));

        Assert.True(FabfileInputs.ChangedSince(project, started));
    }

    [Fact]
    public void Stamp_written_is_read_back()
    {
        var stampPath = FabfileStamp.PathFor(project);
        var stamp = new FabfileStamp("ABC123", temp.PathOf("repo/fabfile/bin/Fabfile.dll"));

        stamp.Write(stampPath);

        Assert.Equal(temp.PathOf("repo/fabfile/obj/dotnet-fab.stamp"), stampPath);
        Assert.Equal(stamp, FabfileStamp.Read(stampPath));
    }

    [Fact]
    public void Missing_or_foreign_stamp_reads_as_none()
    {
        var stampPath = FabfileStamp.PathFor(project);
        Assert.Null(FabfileStamp.Read(stampPath));

        temp.Write("repo/fabfile/obj/dotnet-fab.stamp", "something else");

        Assert.Null(FabfileStamp.Read(stampPath));
    }

    [Fact]
    public void Single_file_hash_changes_with_the_file_and_with_a_Directory_Build_props_above()
    {
        var file = temp.Write("repo/fabfile.cs", "#:package Fabric@0.1.0\npublic static class Fabfile { }");
        var before = FabfileStamp.ComputeInputHash(file);

        File.WriteAllText(file, "#:package Fabric@0.1.1\npublic static class Fabfile { }");
        var edited = FabfileStamp.ComputeInputHash(file);
        temp.Write("Directory.Build.props", "<Project />");

        Assert.NotEqual(before, edited);
        Assert.NotEqual(edited, FabfileStamp.ComputeInputHash(file));
    }

    [Fact]
    public void Single_file_hash_ignores_the_other_files_of_its_folder()
    {
        var file = temp.Write("repo/fabfile.cs", "public static class Fabfile { }");
        var before = FabfileStamp.ComputeInputHash(file);

        temp.Write("repo/Program.cs", "class Program { }");
        temp.Write("repo/src/App.cs", "class App { }");

        Assert.Equal(before, FabfileStamp.ComputeInputHash(file));
    }

    [Fact]
    public void Single_file_hash_follows_project_and_include_directives()
    {
        temp.Write("repo/lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var libSource = temp.Write("repo/lib/Helpers.cs", "class Helpers { }");
        var included = temp.Write("repo/shared/Common.cs", "class Common { }");
        var globbed = temp.Write("repo/more/deep/Extra.cs", "class Extra { }");
        var file = temp.Write("repo/fabfile.cs", "#:project lib\n#:include shared/Common.cs\n#:include more/**/*.cs\npublic static class Fabfile { }");

        Assert.Contains(libSource, FabfileInputs.Enumerate(file));
        foreach (var input in (string[])[libSource, included, globbed])
        {
            var before = FabfileStamp.ComputeInputHash(file);
            File.AppendAllText(input, "// edited");
            Assert.NotEqual(before, FabfileStamp.ComputeInputHash(file));
        }
    }

    [Fact]
    public void Single_file_stamp_lives_outside_the_users_folder_one_per_file()
    {
        var file = temp.Write("repo/fabfile.cs");
        var other = temp.Write("other/fabfile.cs");

        var stampPath = FabfileStamp.PathFor(file);

        Assert.False(stampPath.StartsWith(temp.Root, StringComparison.Ordinal), stampPath);
        Assert.Contains("fabfile-", stampPath, StringComparison.Ordinal);
        Assert.NotEqual(stampPath, FabfileStamp.PathFor(other));
        Assert.Equal(stampPath, FabfileStamp.PathFor(temp.PathOf("repo/../repo/fabfile.cs")));
    }
}
