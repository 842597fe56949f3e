namespace Fabric.Engine.Templates;

/// <summary>A template that cannot be rendered with its context; the message names the template and why.</summary>
internal sealed class TemplateException : Exception
{
    public TemplateException()
    {
    }

    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
