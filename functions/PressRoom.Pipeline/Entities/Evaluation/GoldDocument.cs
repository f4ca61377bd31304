using System.Text.Json;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Entities.Evaluation;

/// <summary>
/// One annotated release: <c>{"doc":"x.txt","language":"ar","entities":[{"category":"Person","text":"…"}]}</c>.
/// A set of distinct category/text pairs; honorifics excluded; the longest name for nested organizations.
/// </summary>
public sealed record GoldDocument(string Doc, string Language, IReadOnlyList<GoldEntity> Entities)
{
    public static GoldDocument Parse(string json)
    {
        var gold = JsonSerializer.Deserialize<GoldDocument>(json, PressRoomJson.Options)
            ?? throw new InvalidDataException("The gold file is empty.");
        if (string.IsNullOrWhiteSpace(gold.Doc) || string.IsNullOrWhiteSpace(gold.Language) || gold.Entities is null)
        {
            throw new InvalidDataException("A gold file needs \"doc\", \"language\" and \"entities\".");
        }

        return gold;
    }
}

public sealed record GoldEntity(string Category, string Text, string? Subcategory = null);
