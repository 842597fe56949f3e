using Fabric.Engine.Templates;

namespace Fabric;

/// <summary>Templates: Fabric's <c>upload_template</c>, rendered here and written on the current host; see <c>docs/templates-and-projects.md</c>.</summary>
public static partial class Api
{
    /// <summary>
    /// Renders a template with <paramref name="context"/>'s values and writes the result on the current host, as Fabric's
    /// <c>upload_template(..., use_jinja=True)</c>. Templates are Liquid, the nearest .NET kin of Jinja2: <c>{{ name }}</c>,
    /// <c>{{ server.port }}</c>, <c>{% if ssl %}…{% else %}…{% endif %}</c>, <c>{% for h in hosts %}…{% endfor %}</c>,
    /// filters such as <c>{{ name | upcase }}</c> and <c>{{ x | default: 'y' }}</c>; nothing is HTML-escaped.
    /// <code>UploadTemplate("nginx.conf", "/etc/nginx/sites-available/app", new { server_name = Env.Host, port = 8080 },
    ///     templateDir: System.IO.Path.Combine(Env.FabfileDirectory, "templates"), useSudo: true, mode: "0644");</code>
    /// The template is rendered before anything connects, and strictly, as Fabric's <c>%</c> formatting was: a name the
    /// template reads that the context does not give, a member its object does not have, or an unknown filter aborts with one
    /// line naming it, the template and the line (give an optional value as null: it renders as nothing and is false in
    /// <c>{% if %}</c>). The text is sent from memory, never written to a local file, through <see cref="Put(string, string?, bool, string?, bool)"/>'s upload: staged
    /// under a temporary name, checked for its size and SHA-256, then renamed into place. Prints <c>[host] put: template -> destination</c>.
    /// </summary>
    /// <param name="filename">The template file. Relative: taken in <paramref name="templateDir"/>, else in the <see cref="Lcd"/>
    /// folder, else in the current folder.</param>
    /// <param name="destination">The remote file (relative paths follow <see cref="Cd"/>, <c>~</c> is the home folder). An
    /// existing folder, or a path ending in <c>/</c>, gets the template's file name inside it.</param>
    /// <param name="context">The values: an anonymous object (<c>new { port = 80 }</c>), a record or class (its public properties and
    /// fields), a dictionary with string keys, or <c>Env</c> (its properties, such as <c>Host</c> and <c>User</c>, and its
    /// <c>--set</c> values). Property names match case-insensitively. Null: no values.</param>
    /// <param name="templateDir">The folder relative template names are taken in (itself relative to the <see cref="Lcd"/> folder);
    /// <c>Env.FabfileDirectory</c> is the fabfile's own.</param>
    /// <param name="useSudo">Write the file as root (as <see cref="Put(string, string?, bool, string?, bool)"/> with <c>useSudo</c>); the backup too.</param>
    /// <param name="backup">When the destination already exists, first copy it to <c>destination.bak</c> (<c>cp -p</c>, over an
    /// older backup), as Fabric does.</param>
    /// <param name="mirrorLocalMode">Give the file the template file's own permissions (unless <paramref name="mode"/> is given).</param>
    /// <param name="mode">Octal permissions (<c>"0640"</c>); null: keep the replaced file's, else the server's default.</param>
    /// <returns>The file written.</returns>
    /// <exception cref="AbortException">No such template, it cannot be rendered with the context, or the file could not be written
    /// (that last one is a warning under warn-only).</exception>
    public static TransferResult UploadTemplate(
        string filename, string destination, object? context = null, string? templateDir = null, bool useSudo = false, bool backup = true,
        bool mirrorLocalMode = false, string? mode = null) =>
        UploadTemplateAsync(filename, destination, context, templateDir, useSudo, backup, mirrorLocalMode, mode).GetAwaiter().GetResult();

    /// <summary>The asynchronous form of <see cref="UploadTemplate"/>.</summary>
    /// <param name="filename">The template file (relative: in <paramref name="templateDir"/>, else the <see cref="Lcd"/> folder, else the current one).</param>
    /// <param name="destination">The remote file, or a folder to put it in.</param>
    /// <param name="context">The values: an anonymous object, a record or class, a dictionary with string keys, or <c>Env</c>.</param>
    /// <param name="templateDir">The folder relative template names are taken in.</param>
    /// <param name="useSudo">Write the file (and the backup) as root.</param>
    /// <param name="backup">Copy an existing destination to <c>destination.bak</c> first.</param>
    /// <param name="mirrorLocalMode">Give the file the template file's permissions.</param>
    /// <param name="mode">Octal permissions; null: keep the replaced file's.</param>
    /// <param name="cancellationToken">Stops the upload.</param>
    /// <returns>The file written.</returns>
    public static Task<TransferResult> UploadTemplateAsync(
        string filename, string destination, object? context = null, string? templateDir = null, bool useSudo = false, bool backup = true,
        bool mirrorLocalMode = false, string? mode = null, CancellationToken cancellationToken = default) =>
        TemplateUpload.UploadAsync(filename, destination, context, templateDir, useSudo, backup, mirrorLocalMode, mode, cancellationToken);
}
