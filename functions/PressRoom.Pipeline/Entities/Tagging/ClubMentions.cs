using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// English copy names a club or a paper in full once ("Kansas City Chiefs", "Aston Villa", "Beijing Guoan") and then by
/// its last word ("the Chiefs", "Villa pulled one back", "Guoan midfielder"); a club of the story's score or fixture
/// lines also by its first or only word ("Shandong Taishan 3 Henan FC 1" … "scored twice for Shandong"). The tagger,
/// seeing one capitalized word, read those as nothing, a place or a person. Here such a word becomes an organization:
/// a one-word tagger span of another type anywhere, an uncovered word not next to another capitalized word.
/// A last word counts only in a name of capitalized words and when it names nothing else on its own: not a listed
/// word ("Real Madrid" → Madrid, "Foreign Ministry" → a head noun), an acronym ("Mozambique LNG") or the complement of
/// an "of" ("Ministry of Health"); an uncovered one only after the full name. A results-line club's word counts even
/// where the lists know it as a place, but not after "in" or "of" ("the mayor of Hamburg") and not in capitals.
/// </summary>
internal static class ClubMentions
{
    public static List<TaggedSpan> Apply(DocumentContext ctx, List<TaggedSpan> spans, bool[]? capitals)
    {
        if (!ctx.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return spans;
        }

        // Last word → where the first full name with it ends.
        var lastWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var listed = ctx.Candidates.Where(c => c.Category == "Organization" && c.Priority >= Priorities.Gazetteer && c.FirstToken >= 0)
            .Select(c => new TaggedSpan("ORG", c.FirstToken, c.EndToken));
        foreach (var span in spans.Concat(listed))
        {
            if (span.Type == "ORG" && span.End - span.First >= 2 && AllCapitalized(ctx, span) && ctx.Tokens[span.End - 1] is { IsLatin: true } last
                && last.Folded.Length >= 3 && !TaggedSpans.IsAllCaps(ctx, last) && ctx.MatchesAt(span.End - 1).Length == 0
                && (!lastWords.TryGetValue(last.Folded, out var after) || span.End < after))
            {
                lastWords[last.Folded] = span.End;
            }
        }

        var clubWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, _) in ResultLines.Clubs(ctx))
        {
            if (ctx.Tokens[first] is { IsLatin: true } word && word.Folded.Length >= 3 && EnglishNameRecognizer.HeadKind(ctx, first) is null)
            {
                clubWords.Add(word.Folded);
            }
        }

        if (lastWords.Count == 0 && clubWords.Count == 0)
        {
            return spans;
        }

        var covered = new bool[ctx.Count];
        foreach (var span in spans)
        {
            Array.Fill(covered, true, span.First, span.End - span.First);
        }

        bool Mention(int i, bool anywhere) =>
            ctx.Tokens[i] is { IsLatin: true, IsCapitalized: true } token && capitals?[i] != true && !TaggedSpans.IsAllCaps(ctx, token)
            && ((lastWords.TryGetValue(token.Folded, out var after) && (anywhere || i >= after))
                || (clubWords.Contains(token.Folded) && (i == 0 || ctx.Tokens[i - 1].Folded is not ("in" or "of" or "near" or "outside" or "around"))));

        var result = new List<TaggedSpan>(spans.Count);
        foreach (var span in spans)
        {
            result.Add(span.Type != "ORG" && span.End - span.First == 1 && Mention(span.First, anywhere: true) ? span with { Type = "ORG" } : span);
        }

        for (var i = 0; i < ctx.Count; i++)
        {
            if (!covered[i] && !ctx.Claimed[i] && Mention(i, anywhere: false) && !IsNameWord(ctx, i + 1) && (!IsNameWord(ctx, i - 1) || ctx.Tokens[i - 1].Folded == "the"))
            {
                result.Add(new TaggedSpan("ORG", i, i + 1));
            }
        }

        result.Sort((a, b) => a.First.CompareTo(b.First));
        return result;
    }

    /// <summary>Every word capitalized: "Aston Villa", not "Ministry of Health", whose last word is no name of its own.</summary>
    static bool AllCapitalized(DocumentContext ctx, TaggedSpan span)
    {
        for (var i = span.First; i < span.End; i++)
        {
            if (ctx.Tokens[i] is not { IsLatin: true, IsCapitalized: true })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A capitalized Latin word at <paramref name="i"/> (part of a longer name, not a short mention).</summary>
    static bool IsNameWord(DocumentContext ctx, int i) =>
        i >= 0 && i < ctx.Count && ctx.Tokens[i] is { IsLatin: true, IsCapitalized: true, IsWord: true };
}
