using Fabric.Engine.Tasks;

namespace Fabric.Tests.Engine.Tasks;

public class TaskNamesTests
{
    [Theory]
    [InlineData("Deploy", "deploy")]
    [InlineData("DeployWeb", "deploy-web")]
    [InlineData("HTTPServer", "http-server")]
    [InlineData("deploy_web", "deploy-web")]
    [InlineData("Step2Go", "step2-go")]
    [InlineData("taskA", "task-a")]
    [InlineData("IOError", "io-error")]
    public void Method_names_are_shown_in_kebab_case(string method, string expected) =>
        Assert.Equal(expected, TaskNames.ToKebabCase(method));

    [Theory]
    [InlineData("deploy-web", "DeployWeb")]
    [InlineData("deploy_web", "deploy-web")]
    [InlineData("DEPLOYWEB", "deploy-web")]
    public void Names_match_ignoring_case_dashes_and_underscores(string a, string b) =>
        Assert.Equal(TaskNames.Normalize(a), TaskNames.Normalize(b));
}
