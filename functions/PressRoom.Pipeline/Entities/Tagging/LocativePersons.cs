using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// English places the news-trained tagger reads as people, mostly Arabic-origin names it has not seen ("between Al Rams
/// and Jazirat Al Hamra", "at Mina Al Arab", "from Accra, Kumasi and Takoradi"): a tagger person right after "in", "at",
/// "near" or "between", or listed after a place (", " / "and" / "or"), that starts with no known given name or title and
/// is not a short mention of someone named earlier, is a place (a list item only where the list goes on after it).
/// A tagger organization listed after a place with no organization word or list entry in it is a place too ("between
/// Al Sawadi and Ras Tawwal").
/// </summary>
internal static class LocativePersons
{
    static readonly HashSet<string> Locatives = new(StringComparer.Ordinal) { "in", "at", "near", "between" };

    /// <summary>A listed organization or one with an organization head word ("Ministry", "Authority") is a body.</summary>
    static bool KnownBody(DocumentContext ctx, Candidate p)
    {
        for (var i = p.FirstToken; i < p.EndToken; i++)
        {
            if (ctx.MatchesAt(i).Any(m => m.Entry.Kind is LexKind.Organization or LexKind.OrgHead))
            {
                return true;
            }
        }

        return false;
    }

    public static void Apply(DocumentContext ctx, List<Candidate> proposed)
    {
        proposed.Sort((a, b) => a.Start.CompareTo(b.Start));

        // Where places end, looked up per list item: scanning the candidates for each made a 10 MB text take 30 s.
        var placeEnds = ctx.Candidates.Concat(proposed).Where(c => c.Category == "Location").Select(c => c.EndToken).ToHashSet();
        for (var k = 0; k < proposed.Count; k++)
        {
            var p = proposed[k];
            if (p.Category is not ("Person" or "Organization") || p.Attributes?.ContainsKey("linkedTo") == true || p.FirstToken < 1 || !ctx.Tokens[p.FirstToken].IsLatin
                || ctx.MatchesAt(p.FirstToken).Any(m => m.Entry.Kind is LexKind.GivenName or LexKind.Honorific or LexKind.Rank or LexKind.Role)
                || ctx.MatchesAt(p.FirstToken - 1).Any(m => m.Entry.Kind is LexKind.Honorific or LexKind.Rank or LexKind.Role))
            {
                continue;
            }

            // "In Byron's memoirs" is a person's; "Born in England, Norton spent …" opens a clause, not a list.
            var before = ctx.Tokens[p.FirstToken - 1].Folded;
            var after = p.EndToken < ctx.Count ? ctx.Tokens[p.EndToken].Folded : ".";
            var possessive = EnglishNameRecognizer.IsPossessive(ctx.Tokens[p.EndToken - 1]) || after is "'s" or "'";
            var listed = before is "," or "and" or "or" && after is "," or "and" or "or" or "." or ";" or ")"
                && placeEnds.Contains(p.FirstToken - 1);
            if (!possessive && (p.Category == "Person" ? Locatives.Contains(before) || listed : listed && !KnownBody(ctx, p)))
            {
                proposed[k] = new Candidate
                {
                    Start = p.Start,
                    End = p.End,
                    Category = "Location",
                    Confidence = p.Confidence,
                    English = p.English,
                    Key = EntityKeys.Make("Location", p.English ?? ctx.Slice(p.Start, p.End)),
                    Priority = p.Priority,
                    FirstToken = p.FirstToken,
                    EndToken = p.EndToken,
                };
                placeEnds.Add(p.EndToken);
            }
        }
    }
}
