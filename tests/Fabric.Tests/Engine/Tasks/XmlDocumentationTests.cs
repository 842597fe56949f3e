using Fabric.Engine.Tasks;

namespace Fabric.Tests.Engine.Tasks;

public class XmlDocumentationTests
{
    [Fact]
    public void The_description_is_the_first_sentence_of_the_summary()
    {
        var method = typeof(Documented).GetMethod(nameof(Documented.Deploy))!;
        var file = Path.GetTempFileName();
        File.WriteAllText(file, $"""
            <doc><members>
              <member name="{XmlDocumentation.MemberId(method)}">
                <summary>
                  Deploys the <c>site</c> to <see cref="T:Some.Server"/>. Then restarts it.
                </summary>
              </member>
            </members></doc>
            """);

        var description = XmlDocumentation.Load(file).FirstSentence(method);

        Assert.Equal("Deploys the site to Server.", description);
        File.Delete(file);
    }

    [Fact]
    public void Member_ids_follow_the_compiler_format()
    {
        var method = typeof(Documented).GetMethod(nameof(Documented.Deploy))!;

        Assert.Equal(
            "M:Fabric.Tests.Engine.Tasks.XmlDocumentationTests.Documented.Deploy(System.String,System.Nullable{System.Int32},System.String[])",
            XmlDocumentation.MemberId(method));
    }

    [Fact]
    public void A_missing_file_gives_no_descriptions()
    {
        var method = typeof(Documented).GetMethod(nameof(Documented.Deploy))!;

        Assert.Null(XmlDocumentation.Load("/nonexistent/docs.xml").FirstSentence(method));
    }

    public static class Documented
    {
        public static void Deploy(string branch, int? count, string[] tags)
        {
        }
    }
}
