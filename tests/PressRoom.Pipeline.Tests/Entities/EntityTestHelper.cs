using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;

namespace PressRoom.Tests.Entities;

/// <summary>Runs the builtin extractor on a snippet and finds entities in the result.</summary>
internal static class EntityTestHelper
{
    static readonly BuiltinEntityExtractor Extractor = new();

    public static IReadOnlyList<ExtractedEntity> Extract(string text, string language = "ar", DateOnly? reference = null)
    {
        var entities = Extractor.Extract(new EntityRequest(text, language, reference));
        foreach (var e in entities)
        {
            // Offsets are UTF-16 code units into the request text: the slice must be the reported text.
            Assert.Equal(e.Text, text.Substring(e.Offset, e.Length));
        }

        return entities;
    }

    public static ExtractedEntity Single(IReadOnlyList<ExtractedEntity> entities, string category, string text) =>
        Assert.Single(entities, e => e.Category == category && e.Text == text);

    /// <summary>An entity of the category with exactly this text (and this English name, if given).</summary>
    public static bool Has(IReadOnlyList<ExtractedEntity> entities, string category, string text, string? english = null) =>
        entities.Any(e => e.Category == category && e.Text == text && (english is null || e.English == english));
}
