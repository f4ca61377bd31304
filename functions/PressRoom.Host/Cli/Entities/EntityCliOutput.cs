using System.Text.Encodings.Web;
using System.Text.Json;

namespace PressRoom.Host.Cli;

/// <summary>
/// The JSON of <c>pressroom entities FILE --json</c>, written field by field so the shape never drifts:
/// <c>{"language":"ar","provider":"builtin","entities":[{"category":…,"subcategory":…,"text":…,"offset":…,"length":…,"confidence":…,"english":…,"value":…,"key":…}]}</c>
/// and, on failure, <c>{"error":{"code":"&lt;ReasonCode&gt;","message":"…"}}</c>.
/// </summary>
public static class EntityCliOutput
{
    static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Result(string language, string provider, IReadOnlyList<ExtractedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("language", language);
            json.WriteString("provider", provider);
            json.WriteStartArray("entities");
            foreach (var e in entities)
            {
                json.WriteStartObject();
                json.WriteString("category", e.Category);
                WriteNullable(json, "subcategory", e.Subcategory);
                json.WriteString("text", e.Text);
                json.WriteNumber("offset", e.Offset);
                json.WriteNumber("length", e.Length);
                json.WriteNumber("confidence", Math.Round(e.Confidence, 3));
                WriteNullable(json, "english", e.English);
                WriteNullable(json, "value", e.Value);
                json.WriteString("key", e.Key);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Error(string code, string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", code);
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
