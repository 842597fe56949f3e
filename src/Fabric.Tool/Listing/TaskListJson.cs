using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fabric.Engine.Arguments;
using Fabric.Engine.Tasks;

namespace Fabric.Tool.Listing;

/// <summary>
/// <c>--list-format json</c>: <c>{"tasks": [...]}</c>, each task with its name, aliases, description, parameters (type,
/// required, default), hosts, roles and method, for tools and editors.
/// </summary>
internal static class TaskListJson
{
    public static void Write(TaskTable table, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("default", table.Default?.Name);
            json.WriteStartArray("tasks");
            foreach (var task in table.Tasks)
            {
                WriteTask(json, task);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTask(Utf8JsonWriter json, TaskDefinition task)
    {
        json.WriteStartObject();
        json.WriteString("name", task.Name);
        WriteStrings(json, "aliases", task.Aliases);
        json.WriteString("description", task.Description);
        json.WriteStartArray("parameters");
        foreach (var parameter in task.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", parameter.Name);
            json.WriteString("type", parameter.ValueTypeName ?? parameter.Type.Name);
            json.WriteBoolean("required", !parameter.IsOptional);
            if (parameter.IsOptional)
            {
                json.WritePropertyName("default");
                WriteValue(json, parameter.DefaultValue);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "hosts", task.Hosts);
        WriteStrings(json, "roles", task.Roles);
        json.WriteString("method", task.MethodDisplayName);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d when !double.IsFinite(d):
                json.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case float f when !float.IsFinite(f):
                json.WriteStringValue(f.ToString(CultureInfo.InvariantCulture));
                break;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
