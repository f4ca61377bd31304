using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// English short mentions of people the tagger named in full: "Kwabena Asante-Mensah … Asante-Mensah said". The rules
/// link short mentions only to names they found themselves (known given names), so a surname of an unknown name stayed
/// untagged or was typed as an organization by the tagger at the start of a sentence. Here a one-word tagger span
/// (anywhere in the document, also in the possessive) or an uncovered capitalized word after the full name, equal to
/// the last word of a multi-word tagger person, becomes that person's mention.
/// </summary>
internal static class SurnameMentions
{
    public static void Apply(DocumentContext ctx, List<Candidate> proposed)
    {
        // Surname → (key of the full name, where the full name ends): a mention counts only after the full name, as
        // releases write them, and only for words no list knows (not "Parish" of "Hanved Parish").
        var surnames = new Dictionary<string, (string Key, int After)>(StringComparer.Ordinal);
        foreach (var p in proposed)
        {
            if (p.Category == "Person" && p.EndToken - p.FirstToken >= 2 && ctx.Tokens[p.EndToken - 1] is { IsLatin: true, IsCapitalized: true } last
                && last.Folded.Length >= 3 && ctx.MatchesAt(p.EndToken - 1).Length == 0)
            {
                surnames.TryAdd(last.Folded, (p.Key, p.EndToken));
            }
        }

        if (surnames.Count == 0)
        {
            return;
        }

        var covered = new bool[ctx.Count];
        foreach (var c in ctx.Candidates.Concat(proposed))
        {
            for (var i = Math.Max(0, c.FirstToken); i < c.EndToken && i < ctx.Count; i++)
            {
                covered[i] = true;
            }
        }

        for (var k = 0; k < proposed.Count; k++)
        {
            var p = proposed[k];
            // A one-word tagger place or body, also in the possessive ("In Rahimov's view"), is the person wherever it
            // stands: the tagger gave the surname a type only because it did not see the full name yet.
            if (p.Category != "Person" && p.EndToken - p.FirstToken == 1 && surnames.TryGetValue(WithoutPossessive(ctx.Tokens[p.FirstToken]), out var name))
            {
                proposed[k] = Mention(ctx, p.FirstToken, name.Key);
            }
        }

        for (var i = 0; i < ctx.Count; i++)
        {
            if (!covered[i] && !ctx.Claimed[i] && ctx.Tokens[i] is { IsLatin: true, IsCapitalized: true } token && surnames.TryGetValue(token.Folded, out var name) && i >= name.After)
            {
                proposed.Add(Mention(ctx, i, name.Key));
            }
        }
    }

    static string WithoutPossessive(Token token) => EnglishNameRecognizer.IsPossessive(token) ? token.Folded[..^2] : token.Folded;

    static Candidate Mention(DocumentContext ctx, int token, string key)
    {
        var t = ctx.Tokens[token];
        var end = EnglishNameRecognizer.IsPossessive(t) ? t.End - 2 : t.End;
        var candidate = new Candidate
        {
            Start = t.Start,
            End = end,
            Category = "Person",
            Confidence = 0.8,
            English = ctx.Slice(t.Start, end),
            Key = key,
            Priority = Priorities.Gazetteer - 1,
            FirstToken = token,
            EndToken = token + 1,
        };
        candidate.SetAttribute("linkedTo", key);
        return candidate;
    }
}
