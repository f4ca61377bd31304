using System.Text.Json;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>What one reply gave: translations by paragraph, ids that must be asked again, and reported names.</summary>
public sealed record ChatReply(IReadOnlyDictionary<int, string> Translated, IReadOnlyList<int> Missing, IReadOnlyList<TranslatedName> Names);

/// <summary>
/// Validates a chat reply against the request: JSON of the agreed shape, only the ids sent, each once, with text.
/// Extra or repeated ids mean the model lost track of the alignment, so nothing of that reply is trusted.
/// </summary>
public static class ChatReplyReader
{
    /// <summary>The reply read, or null with a reason code when it is unusable as a whole.</summary>
    public static ChatReply? Read(string? text, IReadOnlyList<int> sent, out string? reasonCode)
    {
        reasonCode = null;
        var json = Unfence(text);
        if (string.IsNullOrWhiteSpace(json))
        {
            reasonCode = "Chat:EmptyResponse";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("paragraphs", out var paragraphs) || paragraphs.ValueKind != JsonValueKind.Array)
            {
                reasonCode = "Chat:MalformedResponse";
                return null;
            }

            var expected = sent.ToDictionary(ChatTranslationPrompt.Id, p => p, StringComparer.Ordinal);
            var translated = new Dictionary<int, string>();
            foreach (var item in paragraphs.EnumerateArray())
            {
                var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
                if (id is null || !expected.TryGetValue(id, out var paragraph) || translated.ContainsKey(paragraph))
                {
                    reasonCode = "Chat:ParagraphMismatch";
                    return null;
                }

                var value = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (!string.IsNullOrWhiteSpace(value))
                {
                    translated[paragraph] = value.Trim();
                }
            }

            var missing = sent.Where(p => !translated.ContainsKey(p)).ToList();
            return new ChatReply(translated, missing, Names(document.RootElement));
        }
        catch (JsonException)
        {
            reasonCode = "Chat:MalformedResponse";
            return null;
        }
    }

    static List<TranslatedName> Names(JsonElement root)
    {
        var names = new List<TranslatedName>();
        if (root.TryGetProperty("names", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object
                    && item.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(s.GetString())
                    && item.TryGetProperty("english", out var e) && e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()))
                {
                    names.Add(new TranslatedName(s.GetString()!.Trim(), e.GetString()!.Trim()));
                }
            }
        }

        return names;
    }

    /// <summary>Servers without structured output sometimes wrap JSON in a Markdown fence; take what is inside.</summary>
    static string? Unfence(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var start = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var end = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return start >= 0 && end > start ? trimmed[(start + 1)..end].Trim() : trimmed;
    }
}
