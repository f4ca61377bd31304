using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// The folds the entity tables are built from, filled as a release's mentions stream past once: one per language for
/// <c>ReleaseEntities</c>, one of the named mentions of all languages for <c>EntityIndex</c> and <c>EntityNames</c>.
/// </summary>
public sealed class ReleaseEntityFolds(int maxMentionOffsets)
{
    readonly List<(string Language, MentionFold Fold)> languages = [];
    string? lastLanguage;
    MentionFold? last;

    public IReadOnlyList<(string Language, MentionFold Fold)> ByLanguage => languages;

    public MentionFold Named { get; } = MentionFold.Named();

    /// <summary>Every mention added, of every language.</summary>
    public int Mentions { get; private set; }

    public void Add(string language, ExtractedEntity mention)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(mention);
        // Mentions arrive language by language, so the fold of the previous mention is almost always the one.
        if (last is null || lastLanguage != language)
        {
            last = languages.Find(l => l.Language == language).Fold;
            if (last is null)
            {
                last = new MentionFold(maxMentionOffsets);
                languages.Add((language, last));
            }

            lastLanguage = language;
        }

        last.Add(mention);
        Named.Add(mention);
        Mentions++;
    }
}
