using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>A name the translation must use: the source spelling and its fixed English (entity record or house glossary).</summary>
public sealed record NameHint(string Source, string English);

/// <summary>
/// The messages of one chat translation request: instructions (languages, house names, the reply contract) and the
/// numbered paragraphs as JSON; and the JSON schema of the reply — paragraphs with the same ids, plus the English
/// used for names the list lacks.
/// </summary>
public static class ChatTranslationPrompt
{
    public const string SchemaName = "paragraph_translation";

    /// <summary>The reply's JSON schema (strict structured output: every property required, nothing else allowed).</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "paragraphs": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": { "id": { "type": "string" }, "text": { "type": "string" } },
                "required": ["id", "text"],
                "additionalProperties": false
              }
            },
            "names": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": { "source": { "type": "string" }, "english": { "type": "string" } },
                "required": ["source", "english"],
                "additionalProperties": false
              }
            }
          },
          "required": ["paragraphs", "names"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    public static string Id(int paragraph) => "p" + paragraph.ToString(CultureInfo.InvariantCulture);

    public static string Instructions(string sourceLanguage, string targetLanguage, IReadOnlyList<NameHint> names)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"You are the translation desk of a government media office. Translate press release paragraphs from '{sourceLanguage}' into '{targetLanguage}'.\n");
        builder.Append("Translate every paragraph completely and faithfully, in clear newsroom style. Keep numbers, dates, amounts and quotations exact. Do not add, merge, split, summarise or comment.\n");
        if (names.Count > 0)
        {
            builder.Append("Use exactly these English names for these source names:\n");
            foreach (var name in names)
            {
                builder.Append("- ").Append(name.Source).Append(" => ").Append(name.English).Append('\n');
            }
        }

        builder.Append("Reply with JSON only: {\"paragraphs\":[{\"id\":…,\"text\":…}],\"names\":[{\"source\":…,\"english\":…}]}. ");
        builder.Append("\"paragraphs\" has exactly one item for each id you are given, with the same id and its translation; no other ids. ");
        builder.Append("\"names\" lists the people, organizations, places and events in the source that are not in the list above, as written in the source, with the English you used.");
        return builder.ToString();
    }

    /// <summary>The user message: the paragraphs with their ids.</summary>
    public static string Paragraphs(IReadOnlyList<(int Paragraph, string Text)> paragraphs)
    {
        var array = new JsonArray();
        foreach (var (paragraph, text) in paragraphs)
        {
            array.Add(new JsonObject { ["id"] = Id(paragraph), ["text"] = text });
        }

        return new JsonObject { ["paragraphs"] = array }.ToJsonString();
    }
}
