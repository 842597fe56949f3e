using Fabric.Engine.Templates;

namespace Fabric.Tests.Engine.Templates;

public sealed class TemplateRendererTests
{
    private static string Render(string source, object? context) => TemplateRenderer.Render(source, TemplateModel.Of(context), "app.conf");

    private static TemplateException Refused(string source, object? context) =>
        Assert.Throws<TemplateException>(() => Render(source, context));

    [Fact]
    public void An_anonymous_object_gives_its_properties_and_nothing_is_html_escaped()
    {
        Assert.Equal("server_name a&b<c>; listen 8080;", Render("server_name {{ name }}; listen {{ port }};", new { name = "a&b<c>", port = 8080 }));
    }

    [Fact]
    public void A_dictionary_gives_its_keys_and_loops_and_conditions_work_as_in_jinja()
    {
        var context = new Dictionary<string, object?> { ["hosts"] = new[] { "web1", "web2" }, ["ssl"] = true };

        Assert.Equal("web1;web2;+ssl", Render("{% for h in hosts %}{{ h }};{% endfor %}{% if ssl %}+ssl{% else %}-ssl{% endif %}", context));
    }

    [Fact]
    public void A_record_gives_its_properties_case_insensitively_and_nested_members_resolve()
    {
        var context = new Site("shop", new Database("db1", 5432));

        Assert.Equal("shop db1:5432 db1", Render("{{ Name }} {{ database.host }}:{{ Database.Port }} {{ DATABASE.HOST }}", context));
    }

    [Fact]
    public void A_read_only_dictionary_that_is_not_an_IDictionary_gives_its_keys()
    {
        IReadOnlyDictionary<string, string> context = new OnlyReadOnly(new() { ["user"] = "deploy" });

        Assert.Equal("deploy", Render("{{ user }}", context));
    }

    [Fact]
    public void A_missing_variable_is_refused_naming_it_the_template_the_line_and_what_the_context_gives()
    {
        var error = Refused("a\nb {{ name }}\nc {{ prot }}", new { name = "x", port = 1 });

        Assert.Equal("template app.conf uses 'prot' (line 3), which the context does not give (it gives name, port); pass it, as null if it is optional.", error.Message);
    }

    [Fact]
    public void Every_missing_variable_is_named_at_once_also_inside_if_and_for()
    {
        var error = Refused("{% if ssl %}x{% endif %}{% for h in hosts %}{{ h }}{% endfor %}", null);

        Assert.Contains("uses 'ssl' (line 1), 'hosts' (line 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("it gives none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_given_as_null_renders_as_nothing_is_false_and_takes_a_default()
    {
        Assert.Equal("[]|off|fallback", Render("[{{ cert }}]|{% if cert %}on{% else %}off{% endif %}|{{ cert | default: 'fallback' }}", new { cert = (string?)null }));
    }

    [Fact]
    public void Names_the_template_makes_itself_are_not_asked_of_the_context()
    {
        var source = "{% assign n = 2 %}{% capture c %}hi{% endcapture %}{% for x in xs %}{{ forloop.index }}{{ x }}{% endfor %}{{ n }}{{ c }}";

        Assert.Equal("1a2b2hi", Render(source, new { xs = new[] { "a", "b" } }));
    }

    [Fact]
    public void A_member_the_object_does_not_have_is_refused_naming_it()
    {
        var error = Refused("{{ database.hots }}", new Site("shop", new Database("db1", 5432)));

        Assert.Equal("template app.conf: 'hots' is not a member of the Database there", error.Message);
    }

    [Fact]
    public void An_unknown_filter_is_refused()
    {
        var error = Refused("{{ name | shout }}", new { name = "x" });

        Assert.Contains("shout", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("template app.conf: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_liquid_is_one_line_naming_the_template_and_where()
    {
        var error = Refused("{% if x %}y", new { x = 1 });

        Assert.StartsWith("template app.conf is not valid Liquid: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_string_as_context_is_refused_with_what_to_pass_instead()
    {
        var error = Assert.Throws<ArgumentException>(() => TemplateModel.Of("port=80"));

        Assert.Contains("new { port = 80 }", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_blocks_keep_braces_for_files_that_use_them_themselves()
    {
        Assert.Equal("{{ .Values.x }} 1", Render("{% raw %}{{ .Values.x }}{% endraw %} {{ a }}", new { a = 1 }));
    }

    [Fact]
    public void Text_with_no_tags_comes_out_byte_for_byte()
    {
        const string Text = "line one\r\n\ttabbed  spaces  \n100% sure; $HOME `x` \\n\n";

        Assert.Equal(Text, Render(Text, null));
    }

    [Fact]
    public void Env_gives_its_properties_and_its_set_values_but_not_the_sudo_password()
    {
        var context = new Fabric.Engine.Execution.RunContext(new Fabric.Engine.Output.CollectingOutputSink());
        using var run = Fabric.Engine.Execution.Ambient.Enter(context);
        context.Env.Values["release"] = "v42";
        context.Env.User = "deploy";
        context.Env.SudoPassword = "hunter2";

        Assert.Equal("deploy v42 true", Render("{{ user }} {{ release }} {{ UseSshConfig }}", Api.Env));
        Assert.Contains("'SudoPassword'", Refused("{{ SudoPassword }}", Api.Env).Message, StringComparison.Ordinal);
    }

    public sealed record Database(string Host, int Port);

    public sealed record Site(string Name, Database Database);

    private sealed class OnlyReadOnly(Dictionary<string, string> inner) : IReadOnlyDictionary<string, string>
    {
        public string this[string key] => inner[key];

        public IEnumerable<string> Keys => inner.Keys;

        public IEnumerable<string> Values => inner.Values;

        public int Count => inner.Count;

        public bool ContainsKey(string key) => inner.ContainsKey(key);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => inner.GetEnumerator();

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => inner.TryGetValue(key, out value);

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
