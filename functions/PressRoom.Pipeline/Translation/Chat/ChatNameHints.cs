using Microsoft.Extensions.Options;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>
/// The names a chat translation must keep: the house glossary, and the entities the builtin extractor finds in the
/// source with their English names (gazetteer or composed, not romanized guesses), so the translation and the entity
/// records use the same English. Romanized names are left to the model, which reports what it used.
/// </summary>
public sealed class ChatNameHints(BuiltinEntityExtractor extractor, IOptions<AzureAIOptions> glossary)
{
    static readonly HashSet<string> NameCategories = new(StringComparer.Ordinal) { "Person", "PersonType", "Organization", "Location", "Event" };

    public async Task<IReadOnlyList<NameHint>> ForAsync(IReadOnlyList<string> paragraphs, string sourceLanguage, CancellationToken cancellationToken)
    {
        var hints = new Dictionary<string, NameHint>(StringComparer.Ordinal);
        foreach (var entry in glossary.Value.Glossary.Where(g => !string.IsNullOrWhiteSpace(g.Source) && !string.IsNullOrWhiteSpace(g.Target)))
        {
            hints[entry.Source] = new NameHint(entry.Source, entry.Target);
        }

        var result = await extractor.ExtractAsync(new EntityRequest(string.Join("\n\n", paragraphs), sourceLanguage), cancellationToken);
        foreach (var entity in result.Entities)
        {
            if (NameCategories.Contains(entity.Category) && !string.IsNullOrWhiteSpace(entity.English) && entity.English != entity.Text
                && entity.Attributes?.GetValueOrDefault("romanized") != "true")
            {
                hints.TryAdd(entity.Text, new NameHint(entity.Text, entity.English));
            }
        }

        return [.. hints.Values];
    }
}
