using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// English copy names a club or a paper in full once ("Kansas City Chiefs", "Aston Villa", "Beijing Guoan") and then by
/// its last word ("the Chiefs", "Villa pulled one back", "Guoan midfielder"). The tagger, seeing one capitalized word,
/// read those as nothing, a place or a person. Here a lone capitalized word equal to the last word of a multi-word
/// organization of the same document becomes an organization: a one-word tagger span of another type anywhere, an
/// uncovered word after the full name. Only for names of capitalized words whose last word names nothing else on its
/// own: not a listed name ("Real Madrid" → Madrid), an acronym ("Mozambique LNG"), a generic head ("Foreign Ministry")
/// or the complement of an "of" ("Ministry of Health").
/// </summary>
internal static class ClubMentions
{
    static readonly HashSet<string> GenericHeads = new(StringComparer.Ordinal)
    {
        "ministry", "party", "bank", "council", "committee", "court", "commission", "agency", "authority", "group",
        "company", "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "co", "co.", "association",
        "union", "federation", "office", "department", "service", "services", "institute", "university", "college",
        "school", "hospital", "fund", "foundation", "organization", "organisation", "assembly", "parliament",
        "congress", "senate", "house", "board", "front", "movement", "alliance", "army", "forces", "police",
        "exchange", "league", "club", "centre", "center", "society", "network", "holdings", "industries", "airlines",
        "airways", "news", "press", "state", "states", "government", "administration", "cabinet", "conference",
    };

    public static List<TaggedSpan> Apply(DocumentContext ctx, List<TaggedSpan> spans, bool[]? capitals)
    {
        if (!ctx.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return spans;
        }

        // Last word → where the first full name with it ends (an uncovered word counts only after it).
        var lastWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var listed = ctx.Candidates.Where(c => c.Category == "Organization" && c.Priority >= Priorities.Gazetteer && c.FirstToken >= 0)
            .Select(c => new TaggedSpan("ORG", c.FirstToken, c.EndToken));
        foreach (var span in spans.Concat(listed))
        {
            if (span.Type == "ORG" && span.End - span.First >= 2 && AllCapitalized(ctx, span) && ctx.Tokens[span.End - 1] is { IsLatin: true } last
                && last.Folded.Length >= 3 && !TaggedSpans.IsAllCaps(ctx, last) && !GenericHeads.Contains(last.Folded) && ctx.MatchesAt(span.End - 1).Count == 0
                && (!lastWords.TryGetValue(last.Folded, out var after) || span.End < after))
            {
                lastWords[last.Folded] = span.End;
            }
        }

        // A club of the story's results tables also goes by its first word, or is one word, and stands for the club
        // anywhere in the story ("Shandong Taishan 3 Henan FC 1" … "scored twice for Shandong"), even where the word is
        // a listed place, except where the words before it make it the place (IsClubWord).
        var clubWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (first, _) in ResultLines.Clubs(ctx))
        {
            if (ctx.Tokens[first] is { IsLatin: true, IsCapitalized: true } word && word.Folded.Length >= 3 && !TaggedSpans.IsAllCaps(ctx, word)
                && !GenericHeads.Contains(word.Folded))
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

        var result = new List<TaggedSpan>(spans.Count);
        foreach (var span in spans)
        {
            result.Add(span.Type != "ORG" && span.End - span.First == 1 && (IsMention(ctx, span.First, capitals, lastWords, out _) || IsClubWord(ctx, span.First, capitals, clubWords))
                ? span with { Type = "ORG" }
                : span);
        }

        for (var i = 0; i < ctx.Count; i++)
        {
            if (!covered[i] && !ctx.Claimed[i] && ((IsMention(ctx, i, capitals, lastWords, out var fullNameEnd) && i >= fullNameEnd) || IsClubWord(ctx, i, capitals, clubWords))
                && !IsNameWord(ctx, i + 1) && (!IsNameWord(ctx, i - 1) || ctx.Tokens[i - 1].Folded == "the"))
            {
                result.Add(new TaggedSpan("ORG", i, i + 1));
            }
        }

        result.Sort((a, b) => a.First.CompareTo(b.First));
        return result;
    }

    static bool IsMention(DocumentContext ctx, int i, bool[]? capitals, Dictionary<string, int> lastWords, out int fullNameEnd)
    {
        fullNameEnd = 0;
        return ctx.Tokens[i] is { IsLatin: true, IsCapitalized: true } token && capitals?[i] != true
            && lastWords.TryGetValue(token.Folded, out fullNameEnd);
    }

    /// <summary>
    /// A club's word from the results tables, not after "in" or "of" ("in Shandong", "the mayor of Hamburg": the place)
    /// nor in capitals (datelines, "AT BOSTON").
    /// </summary>
    static bool IsClubWord(DocumentContext ctx, int i, bool[]? capitals, HashSet<string> clubWords) =>
        ctx.Tokens[i] is { IsLatin: true, IsCapitalized: true } token && capitals?[i] != true && !TaggedSpans.IsAllCaps(ctx, token) && clubWords.Contains(token.Folded)
        && (i == 0 || ctx.Tokens[i - 1].Folded is not ("in" or "of" or "near" or "outside" or "around"));

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
