using Fabric.Engine.Templates;

namespace Fabric.Tests.Engine.Templates;

public sealed class TemplateLocationTests
{
    [Fact]
    public void A_relative_name_is_taken_in_the_template_folder()
    {
        Assert.Equal("/srv/fab/templates/app.conf", TemplateUpload.Locate("app.conf", "/srv/fab/templates", "/home/me"));
    }

    [Fact]
    public void A_relative_template_folder_follows_the_local_folder()
    {
        Assert.Equal("/home/me/templates/nginx/app.conf", TemplateUpload.Locate("nginx/app.conf", "templates", "/home/me"));
    }

    [Fact]
    public void Without_a_template_folder_the_local_folder_is_used()
    {
        Assert.Equal("/home/me/deploy/app.conf", TemplateUpload.Locate("app.conf", null, "/home/me/deploy"));
    }

    [Fact]
    public void An_absolute_name_is_taken_as_it_is()
    {
        Assert.Equal("/etc/templates/app.conf", TemplateUpload.Locate("/etc/templates/app.conf", "/srv/fab/templates", "/home/me"));
    }
}
