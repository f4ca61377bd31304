using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>
/// Fills the English names the entity records lack (none, or only a romanization) from the names the chat translation
/// reported, so records and translation agree. Such names are marked <c>englishSource=translation</c>, and the key
/// follows the English name like every other key.
/// </summary>
public static class TranslatedNameFiller
{
    public const string SourceAttribute = "englishSource";

    public static IReadOnlyList<ExtractedEntity> Fill(IReadOnlyList<ExtractedEntity> entities, IReadOnlyList<TranslatedName> names)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (names is not { Count: > 0 })
        {
            return entities;
        }

        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            byName.TryAdd(EntityKeys.Name(name.Source), name.English);
        }

        return [.. entities.Select(e => Needs(e) && byName.TryGetValue(EntityKeys.Name(e.Text), out var english) ? With(e, english) : e)];
    }

    static bool Needs(ExtractedEntity entity) =>
        entity.Category is "Person" or "Organization" or "Location" or "Event" or "PersonType"
        && (string.IsNullOrWhiteSpace(entity.English) || entity.Attributes?.GetValueOrDefault("romanized") == "true");

    static ExtractedEntity With(ExtractedEntity entity, string english)
    {
        var attributes = new Dictionary<string, string>(entity.Attributes ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        attributes.Remove("romanized");
        attributes[SourceAttribute] = "translation";
        return entity with { English = english, Key = EntityKeys.Make(entity.Category, english), Attributes = attributes };
    }
}
