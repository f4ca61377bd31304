using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// Arabic names built on a head noun: Organization (وزارة، مكتب، لجنة، صندوق …), Event (مؤتمر، قمة، بطولة …),
/// Structure (مطار، ميناء، مجمع …) and regions (ولاية، محافظة …). The head is followed by an idafa/adjective chain:
/// definite words, "لل"/"ل" links ("لمكافحة الإرهاب"), known places and years; the chain must end on a definite word,
/// a known name or a year. Longest chain wins, so "مكتب الأمم المتحدة لمكافحة الإرهاب" is one Organization.
/// </summary>
internal static class ArabicChainRecognizer
{
    const int MaxChain = 12;

    public static void Run(DocumentContext ctx)
    {
        for (var i = 0; i < ctx.Count; i++)
        {
            if (ctx.Claimed[i] || !ctx.IsWord(i) || !ctx.Tokens[i].IsArabic)
            {
                continue;
            }

            var head = Head(ctx, i);
            if (head is not { } h)
            {
                continue;
            }

            var end = Chain(ctx, h);
            if (end <= h.End)
            {
                continue;
            }

            var (category, sub) = h.Entry.Kind switch
            {
                LexKind.OrgHead => ("Organization", (string?)null),
                LexKind.EventHead => ("Event", null),
                LexKind.StructureHead => ("Location", "Structure"),
                _ => ("Location", h.Entry.English == "City" ? "City" : "GPE"),
            };
            Add(ctx, h, end, category, sub);
        }
    }

    static LexMatch? Head(DocumentContext ctx, int i)
    {
        LexMatch? best = null;
        foreach (var m in ctx.MatchesAt(i))
        {
            if (m.Entry.Kind is LexKind.OrgHead or LexKind.EventHead or LexKind.StructureHead or LexKind.GpeHead && !m.Entry.IsLatin
                && (best is null || m.End > best.Value.End))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>The exclusive end token of the longest acceptable chain after the head (== head.End when none).</summary>
    static int Chain(DocumentContext ctx, LexMatch head)
    {
        var good = head.End;
        var headToken = ctx.Tokens[head.Start];
        var construct = !headToken.Variants.Any(v => v.Prefix == head.Prefix && v.HasArticle) && head.SpanPrefix == head.Prefix;
        var openName = head.Entry.Kind is LexKind.StructureHead or LexKind.EventHead || head.Entry.English is "Company" or "Club";
        var previousYearWord = false;
        var j = head.End;
        while (j < ctx.Count && j - head.End < MaxChain)
        {
            var token = ctx.Tokens[j];
            if (ctx.Claimed[j] && !(previousYearWord && token.Kind == TokenKind.Number) && ctx.Find(j, LexKind.Ordinal) is null)
            {
                break;
            }

            if (token.Kind == TokenKind.Number)
            {
                if (previousYearWord && token.Folded.Length == 4)
                {
                    good = j + 1;
                    j++;
                    previousYearWord = false;
                    continue;
                }

                break;
            }

            if (token.Kind != TokenKind.Word || !token.IsArabic || ctx.IsStop(j) || Starts(ctx, j, LexKind.Honorific) || Starts(ctx, j, LexKind.Month))
            {
                break;
            }

            previousYearWord = ctx.Find(j, LexKind.YearWord) is { End: var ye } && ye == j + 1;

            // A known place or body inside the name: حكومة دولة قطر، بلدية مسقط، مطارات دبي.
            if (KnownName(ctx, j) is { } known && !StartsWithConjunction(token, known))
            {
                good = known.End;
                j = known.End;
                construct = false;
                continue;
            }

            var folded = token.Folded;
            if (folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length > 3)
            {
                // A second head with its article starts a new name (… والمكتب) only after a conjunction; here it continues.
                good = j + 1;
                construct = false;
                j++;
                continue;
            }

            if (folded.StartsWith("لل", StringComparison.Ordinal) && folded.Length > 3)
            {
                good = j + 1;
                construct = false;
                j++;
                continue;
            }

            if (folded.StartsWith("وال", StringComparison.Ordinal) && folded.Length > 4)
            {
                // والتعاون الدولي, والرياضة والشباب: a conjunction inside the name, unless it opens another name.
                if (good <= head.End || Head(ctx, j) is not null || StartsOtherName(ctx, j))
                {
                    break;
                }

                good = j + 1;
                construct = false;
                j++;
                continue;
            }

            if (folded[0] == 'ل' && folded.Length >= 4 && !Starts(ctx, j, LexKind.OrgHead))
            {
                // لمكافحة، لتنسيق، لأمن: a genitive link; the name must go on to a definite word.
                construct = true;
                j++;
                continue;
            }

            if (folded[0] is 'ب' or 'ف' or 'ك' or 'و' && HasProcliticStem(token))
            {
                break;
            }

            if (construct)
            {
                // Bare word after a construct noun: إدارة التعاون → fine; مطار حمد، جائحة كوفيد-19 → a name.
                if (openName && j == head.End && !ctx.IsStop(j))
                {
                    good = j + 1;
                }

                j++;
                continue;
            }

            break;
        }

        return good;
    }

    static bool Starts(DocumentContext ctx, int j, LexKind kind)
    {
        foreach (var m in ctx.MatchesAt(j))
        {
            if (m.Entry.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    static LexMatch? KnownName(DocumentContext ctx, int j)
    {
        LexMatch? best = null;
        foreach (var m in ctx.MatchesAt(j))
        {
            if (m.Entry.Kind is LexKind.Country or LexKind.City or LexKind.Region or LexKind.Organization && !m.Entry.Ambiguous
                && (best is null || m.End > best.Value.End))
            {
                best = m;
            }
        }

        return best;
    }

    static bool StartsWithConjunction(Token token, LexMatch m) => m.HasProclitic && token.Folded[0] is 'و' or 'ف';

    static bool StartsOtherName(DocumentContext ctx, int j)
    {
        foreach (var m in ctx.MatchesAt(j))
        {
            if (m.Entry.Kind is LexKind.Honorific or LexKind.Rank or LexKind.Role or LexKind.StatePrefix)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word is a preposition/conjunction plus something (بالإنابة، بميثاق، وتعزيز).</summary>
    static bool HasProcliticStem(Token token) => token.Variants.Any(v => v.HasProclitic);

    static void Add(DocumentContext ctx, LexMatch head, int end, string category, string? sub)
    {
        var start = ctx.SpanStart(head);
        var stop = ctx.Tokens[end - 1].End;
        var words = new List<string>();
        for (var k = head.Start; k < end; k++)
        {
            var folded = k == head.Start ? ctx.Tokens[k].Variants.First(v => v.SpanPrefix == head.SpanPrefix).Stem : ctx.Tokens[k].Folded;
            words.Add(folded);
        }

        var english = EnglishName(ctx, head, end, words, out var romanized);
        var candidate = new Candidate
        {
            Start = start,
            End = stop,
            Category = category,
            Subcategory = sub,
            Confidence = 0.75,
            English = english,
            Key = EntityKeys.Make(category, english),
            Priority = Priorities.Rule,
            FirstToken = head.Start,
            EndToken = end,
        };
        if (romanized)
        {
            candidate.SetAttribute("romanized", "true");
        }

        ctx.Candidates.Add(candidate);
    }

    /// <summary>"بلدية مسقط" → "Muscat Municipality"; otherwise a romanization of the Arabic name (flagged).</summary>
    static string EnglishName(DocumentContext ctx, LexMatch head, int end, List<string> words, out bool romanized)
    {
        romanized = false;
        if (KnownName(ctx, head.End) is { } known && known.End == end)
        {
            var name = known.Entry.English!;
            return head.Entry.English switch
            {
                "Government" or "Ministry" or "Office" or "Department" or "State" or "Governorate" or "Province" or "Emirate" => $"{head.Entry.English} of {name}",
                _ => $"{name} {head.Entry.English}",
            };
        }

        romanized = true;
        return Romanizer.RomanizePhrase(words);
    }
}
