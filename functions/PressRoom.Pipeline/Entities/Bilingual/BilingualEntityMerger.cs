using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Pipeline.Entities.Bilingual;

/// <summary>Source-language and English entities after merging: paired mentions share one key and know each other's surface form.</summary>
public sealed record BilingualEntities(IReadOnlyList<ExtractedEntity> Source, IReadOnlyList<ExtractedEntity> English, int PairedByAlignment, int PairedByName);

/// <summary>
/// Joins the entities found in a release's source text with those found in its English translation. A source mention
/// is projected through the translation alignment onto the English text and paired with the English mention it lands
/// on; mentions without usable alignment fall back to matching names (the source entity's English name, e.g. from the
/// builtin gazetteer) or normalized values (amounts, dates). A pair shares one <see cref="ExtractedEntity.Key"/>; the
/// source mention gets <c>English</c> and <c>Attributes["english"]</c>, the English mention <c>Attributes["source"]</c>.
/// </summary>
public static class BilingualEntityMerger
{
    /// <param name="sourceText">The text source offsets refer to (title and paragraphs joined by blank lines).</param>
    /// <param name="sourceParagraphs">Title then body paragraphs, as sent for translation.</param>
    /// <param name="translation">The English translation: same paragraphs, alignment per paragraph.</param>
    /// <param name="english">Entities of the English text, i.e. the translated paragraphs joined by blank lines.</param>
    public static BilingualEntities Merge(
        string sourceText,
        IReadOnlyList<string> sourceParagraphs,
        IReadOnlyList<ExtractedEntity> source,
        TranslationResult translation,
        IReadOnlyList<ExtractedEntity> english)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var sourceStarts = LocateParagraphs(sourceText, sourceParagraphs);
        var targetStarts = JoinedStarts(translation.Paragraphs);
        var partner = new int[source.Count];
        Array.Fill(partner, -1);
        var method = new string?[source.Count];

        // 1. Alignment: project each source mention onto the English text, pair one-to-one by best overlap.
        var candidates = new List<(int S, int E, double Score)>();
        for (var s = 0; s < source.Count; s++)
        {
            if (Project(source[s], sourceStarts, sourceParagraphs, targetStarts, translation.Alignment) is not { } target)
            {
                continue;
            }

            for (var e = 0; e < english.Count; e++)
            {
                var overlap = Math.Min(target.End, english[e].Offset + english[e].Length) - Math.Max(target.Start, english[e].Offset);
                if (overlap > 0 && Compatible(source[s].Category, english[e].Category))
                {
                    var score = (double)overlap / Math.Max(english[e].Length, target.Length) + (source[s].Category == english[e].Category ? 1 : 0);
                    candidates.Add((s, e, score));
                }
            }
        }

        var taken = new bool[english.Count];
        foreach (var (s, e, _) in candidates.OrderByDescending(c => c.Score))
        {
            if (partner[s] < 0 && !taken[e])
            {
                partner[s] = e;
                taken[e] = true;
                method[s] = "alignment";
            }
        }

        var byAlignment = partner.Count(p => p >= 0);

        // 2. Names and values: the source entity's English name, or the same normalized amount/date.
        for (var s = 0; s < source.Count; s++)
        {
            if (partner[s] >= 0)
            {
                continue;
            }

            var match = BestByName(source[s], english, taken);
            if (match >= 0)
            {
                partner[s] = match;
                taken[match] = true;
                method[s] = "name";
            }
        }

        // 3. Repeated mentions: an unpaired mention takes the partner of a paired mention with the same normalized text.
        var pairedByText = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < source.Count; s++)
        {
            if (partner[s] >= 0)
            {
                pairedByText.TryAdd(source[s].Category + "|" + EntityKeys.Name(source[s].Text), partner[s]);
            }
        }

        for (var s = 0; s < source.Count; s++)
        {
            if (partner[s] < 0 && pairedByText.TryGetValue(source[s].Category + "|" + EntityKeys.Name(source[s].Text), out var e))
            {
                partner[s] = e;
                method[s] = "name";
            }
        }

        var mergedSource = source.ToList();
        var mergedEnglish = english.ToList();
        for (var s = 0; s < source.Count; s++)
        {
            if (partner[s] < 0)
            {
                continue;
            }

            var src = source[s];
            var en = english[partner[s]];

            // A name the source side already carries (house gazetteer) keeps its key; otherwise the English side's key wins.
            var key = src.English is not null && src.Provider.Contains("builtin", StringComparison.Ordinal) ? src.Key : en.Key;
            var srcAttributes = Copy(src.Attributes);
            srcAttributes["english"] = en.Text;
            srcAttributes["englishOffset"] = en.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            srcAttributes["pairedBy"] = method[s]!;
            foreach (var name in new[] { "linkedName", "wikipediaId", "wikipediaUrl", "dataSource" })
            {
                if (en.Attributes?.TryGetValue(name, out var value) == true)
                {
                    srcAttributes.TryAdd(name, value);
                }
            }

            // The translation's own wording beats a romanization the builtin provider had to invent.
            var romanized = src.Attributes?.GetValueOrDefault("romanized") == "true";
            mergedSource[s] = src with { Key = key, English = romanized || src.English is null ? en.Text : src.English, Value = src.Value ?? en.Value, Attributes = srcAttributes };
            var enAttributes = Copy(mergedEnglish[partner[s]].Attributes);
            enAttributes.TryAdd("source", src.Text);
            enAttributes.TryAdd("sourceOffset", src.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
            mergedEnglish[partner[s]] = mergedEnglish[partner[s]] with { Key = key, English = en.English ?? en.Text, Attributes = enAttributes };
        }

        return new BilingualEntities(mergedSource, mergedEnglish, byAlignment, partner.Count(p => p >= 0) - byAlignment);
    }

    /// <summary>The English span a source mention translates to: the union of the aligned target spans it overlaps.</summary>
    static TextSpan? Project(ExtractedEntity entity, int[] sourceStarts, IReadOnlyList<string> sourceParagraphs, int[] targetStarts, IReadOnlyList<AlignmentSpan> alignment)
    {
        var paragraph = -1;
        for (var p = 0; p < sourceStarts.Length; p++)
        {
            if (sourceStarts[p] >= 0 && entity.Offset >= sourceStarts[p] && entity.Offset + entity.Length <= sourceStarts[p] + sourceParagraphs[p].Length)
            {
                paragraph = p;
                break;
            }
        }

        if (paragraph < 0 || paragraph >= targetStarts.Length)
        {
            return null;
        }

        var localStart = entity.Offset - sourceStarts[paragraph];
        var localEnd = localStart + entity.Length;
        int? start = null;
        int? end = null;
        foreach (var span in alignment)
        {
            if (span.Paragraph == paragraph && span.SourceStart < localEnd && localStart < span.SourceEnd)
            {
                start = Math.Min(start ?? int.MaxValue, span.TargetStart);
                end = Math.Max(end ?? int.MinValue, span.TargetEnd);
            }
        }

        return start is { } s && end is { } e && e > s ? new TextSpan(targetStarts[paragraph] + s, e - s) : null;
    }

    static int BestByName(ExtractedEntity src, IReadOnlyList<ExtractedEntity> english, bool[] taken)
    {
        var name = src.English is null ? null : EntityKeys.Name(src.English);
        var found = -1;
        for (var e = 0; e < english.Count; e++)
        {
            var en = english[e];
            if (!Compatible(src.Category, en.Category))
            {
                continue;
            }

            var sameValue = src.Value is not null && en.Value is not null && src.Category == en.Category
                && string.Equals(EntityKeys.Name(src.Value), EntityKeys.Name(en.Value), StringComparison.Ordinal);
            var sameName = !string.IsNullOrEmpty(name) && string.Equals(name, EntityKeys.Name(en.Text), StringComparison.Ordinal);
            if (sameValue || sameName)
            {
                if (!taken[e])
                {
                    return e;
                }

                found = found < 0 ? e : found;
            }
        }

        return found;
    }

    /// <summary>Same category, or the Location/Organization pair the two languages' models often disagree on ("دولة قطر").</summary>
    static bool Compatible(string a, string b) =>
        a == b || (a is "Location" or "Organization" && b is "Location" or "Organization");

    static int[] LocateParagraphs(string text, IReadOnlyList<string> paragraphs)
    {
        var starts = new int[paragraphs.Count];
        var cursor = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var index = paragraphs[p].Length == 0 ? -1 : text.IndexOf(paragraphs[p], cursor, StringComparison.Ordinal);
            starts[p] = index;
            if (index >= 0)
            {
                cursor = index + paragraphs[p].Length;
            }
        }

        return starts;
    }

    static int[] JoinedStarts(IReadOnlyList<string> paragraphs)
    {
        var starts = new int[paragraphs.Count];
        var offset = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            starts[p] = offset;
            offset += paragraphs[p].Length + 2;
        }

        return starts;
    }

    static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string>? attributes) =>
        attributes is null ? new(StringComparer.Ordinal) : new(attributes, StringComparer.Ordinal);
}
