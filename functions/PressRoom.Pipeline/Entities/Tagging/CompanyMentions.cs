using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Short mentions of an Arabic company named in full in the same release: after "شركة مداد للمدفوعات الرقمية" the
/// release says "مداد" or "شركة مداد", which alone look like a common word or a generic phrase. The name word (the word
/// after the company head of a kept organization) elsewhere, uncovered and without clitics, is that company, with the
/// head before it when there is one; it takes the full name's key.
/// </summary>
internal static class CompanyMentions
{
    static readonly HashSet<string> Heads = new(StringComparer.Ordinal) { ArabicFolding.Fold("شركة"), ArabicFolding.Fold("مجموعة") };

    public static void Apply(DocumentContext ctx)
    {
        var names = new Dictionary<string, (string Key, string? English)>(StringComparer.Ordinal);
        foreach (var c in ctx.Candidates)
        {
            if (c.Category == "Organization" && c.EndToken - c.FirstToken >= 2 && c.FirstToken >= 0 && c.EndToken <= ctx.Count && IsHead(ctx.Tokens[c.FirstToken])
                && ctx.Tokens[c.FirstToken + 1] is { IsArabic: true } name && name.Folded.Length >= 3 && !name.Folded.StartsWith("ال", StringComparison.Ordinal)
                && !ctx.IsStop(c.FirstToken + 1) && ctx.MatchesAt(c.FirstToken + 1).Length == 0)
            {
                names.TryAdd(name.Folded, (c.Key, c.English));
            }
        }

        if (names.Count == 0)
        {
            return;
        }

        var covered = new bool[ctx.Count];
        foreach (var c in ctx.Candidates)
        {
            for (var i = Math.Max(0, c.FirstToken); i < c.EndToken && i < ctx.Count; i++)
            {
                covered[i] = true;
            }
        }

        for (var i = 0; i < ctx.Count; i++)
        {
            if (covered[i] || !ctx.IsWord(i) || !names.TryGetValue(ctx.Tokens[i].Folded, out var company))
            {
                continue;
            }

            var first = i > 0 && !covered[i - 1] && ctx.IsWord(i - 1) && IsHead(ctx.Tokens[i - 1]) ? i - 1 : i;
            var prefix = first < i ? ctx.ProcliticLength(first) : 0;
            var start = ctx.StartAfterProclitic(first, prefix);
            var candidate = new Candidate
            {
                Start = start,
                End = ctx.Tokens[i].End,
                Category = "Organization",
                Confidence = 0.75,
                English = company.English,
                Key = company.Key,
                Priority = Priorities.Rule,
                FirstToken = first,
                EndToken = i + 1,
            };
            candidate.SetAttribute("linkedTo", company.Key);
            ctx.Candidates.Add(candidate);
        }
    }

    /// <summary>The company head, also behind و/ل/ب (وشركة، لمجموعة).</summary>
    static bool IsHead(Builtin.Text.Token token) =>
        Heads.Contains(token.Folded) || token.Variants.Any(v => v.HasProclitic && !v.HasArticle && Heads.Contains(v.Stem));
}
