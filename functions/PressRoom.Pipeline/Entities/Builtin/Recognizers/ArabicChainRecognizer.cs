using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;
using PressRoom.Pipeline.Entities.EnglishNames;

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
            if (head is not { } h || StartsKnownLongerName(ctx, i, h) || IsPurposeMasdar(ctx, h))
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

    /// <summary>A gazetteer name starting at the head ("مكتب الأمم المتحدة لمكافحة الإرهاب") is the name; no chain is grown past it.</summary>
    static bool StartsKnownLongerName(DocumentContext ctx, int i, LexMatch head)
    {
        foreach (var m in ctx.MatchesAt(i))
        {
            if (m.Entry.Kind == LexKind.Organization && !m.Entry.Ambiguous && m.End > head.End && m.Prefix == head.Prefix)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Heads that are also verbal nouns (إدارة = management) after the purpose ل: "لإدارة النفايات".</summary>
    static bool IsPurposeMasdar(DocumentContext ctx, LexMatch head) =>
        head.Entry.Code == "masdar" && head.HasProclitic && ctx.Tokens[head.Start].Folded.TrimStart('و', 'ف').StartsWith('ل')
        && !ctx.Tokens[head.Start].Folded.TrimStart('و', 'ف').StartsWith("لل", StringComparison.Ordinal);

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
        var openName = head.Entry.Kind is LexKind.StructureHead || head.Entry.English is "Company" or "Club";

        // Structures and some institutions are named after people: صالة راشد بن حمدان، صندوق الملك عبدالله الثاني.
        var namedAfter = openName || head.Entry.Code == "eponym";
        var afterName = false;
        var afterParticle = false;
        var closed = false;
        var definiteHead = !construct;
        var nonOrdinal = false;
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

            if (token.Kind != TokenKind.Word || !token.IsArabic || ctx.IsStop(j))
            {
                break;
            }

            // A known place or body inside the name: حكومة دولة قطر، بلدية مسقط، مطارات دبي (not "بمدينة الكويت").
            if (KnownName(ctx, j) is { } known && !known.HasProclitic)
            {
                closed = true;
                nonOrdinal = true;
                good = known.End;
                j = known.End;
                construct = false;
                previousYearWord = false;
                continue;
            }

            // Structures are often named after people: مجمع السلطان قابوس الرياضي، مطار الملك خالد الدولي.
            if (namedAfter && Starts(ctx, j, LexKind.Honorific) && !HasProcliticStem(token))
            {
                construct = true;
                j++;
                continue;
            }

            if (Starts(ctx, j, LexKind.Honorific) || Starts(ctx, j, LexKind.Month) || RoleAt(ctx, j))
            {
                break;
            }

            // After a definite head only an adjective fits (الحوار الاستراتيجي), not a definite noun (الحوار الإنجازات).
            if (definiteHead && j == head.End && !AdjectiveLike(token.Folded) && ctx.Find(j, LexKind.Ordinal) is null)
            {
                break;
            }

            previousYearWord = ctx.Find(j, LexKind.YearWord) is { End: var ye } && ye == j + 1;

            // A year belongs to an event or structure name (كأس العالم لعام 2022), not to a body: "ديوان الرقابة المالية
            // لعام 2024" is the body and a date (its report for 2024).
            if (previousYearWord && head.Entry.Kind == LexKind.OrgHead)
            {
                break;
            }

            var folded = token.Folded;
            if (ctx.Find(j, LexKind.Ordinal) is null)
            {
                nonOrdinal = true;
            }

            if (folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length > 3)
            {
                // After "للتنمية" or a known name only an adjective goes on (للتنمية الاجتماعية); a definite noun there
                // is the next phrase: "تولى مكتب الزامل للمحاماة الاستشارات"، "قدم بنك مصر الاستشارات".
                if (closed && !AdjectiveLike(folded))
                {
                    break;
                }

                // A second head with its article starts a new name (… والمكتب) only after a conjunction; here it continues.
                good = j + 1;
                construct = false;
                j++;
                continue;
            }

            if (folded.StartsWith("لل", StringComparison.Ordinal) && folded.Length > 3)
            {
                // للتنمية (ل + the article) ends a name; للجنة مكافحة … (ل + a word in ل) may go on.
                good = j + 1;
                construct = true;
                closed = true;
                j++;
                continue;
            }

            closed = false;

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

            // A given name ends a name after the head (صالة راشد بن حمدان، مستشفى الملك فهد); "بن" alone does not, and
            // after a name only more of the name follows ("صالة خليفة بن زايد ضمن مجمع …" ends at زايد).
            if (construct && namedAfter && (ctx.FindWhole(j, LexKind.GivenName) is not null || afterParticle))
            {
                good = j + 1;
                afterName = true;
                afterParticle = false;
                j++;
                continue;
            }

            // "بن" after a name: the next word is a name too (قاعة سالم بن حمود).
            if (afterName && ctx.FindWhole(j, LexKind.Particle) is not null)
            {
                afterParticle = true;
                j++;
                continue;
            }

            if (folded[0] is 'ب' or 'ف' or 'ك' or 'و' && HasProcliticStem(token))
            {
                break;
            }

            if (construct)
            {
                if (afterName && !Starts(ctx, j, LexKind.Particle))
                {
                    break;
                }

                // An indefinite nisba right after the head describes it: "مركز إقليمي للاستزراع"، "هيئة حكومية".
                if (j == head.End && (folded.EndsWith('ي') || folded.EndsWith("يه", StringComparison.Ordinal)) && KnownName(ctx, j) is null)
                {
                    break;
                }

                // Bare word after a construct noun: إدارة التعاون → fine; مطار حمد، جائحة كوفيد-19 → a name.
                if (openName && j == head.End && !ctx.IsStop(j) && !BareWord(ctx, j + 1))
                {
                    good = j + 1;
                }

                j++;
                continue;
            }

            break;
        }

        // "المركز الأول" (first place), "الدورة الخامسة": a head with only an ordinal is not a name.
        return nonOrdinal ? good : head.End;
    }

    static bool AdjectiveLike(string folded) =>
        folded.StartsWith("لل", StringComparison.Ordinal)
        || folded.StartsWith("ال", StringComparison.Ordinal) && (folded.EndsWith('ي') || folded.EndsWith('ه') || folded.StartsWith("الم", StringComparison.Ordinal));

    static bool RoleAt(DocumentContext ctx, int j)
    {
        foreach (var m in ctx.MatchesAt(j))
        {
            if (m.Entry.Kind == LexKind.Role && m.Prefix == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An Arabic word without article or clitic (ركاب جديد): a lone name before it is a common noun phrase.</summary>
    static bool BareWord(DocumentContext ctx, int j) =>
        j < ctx.Count && ctx.Tokens[j].IsArabic && ctx.Tokens[j].Kind == TokenKind.Word && !ctx.IsStop(j)
        && !ctx.Tokens[j].Folded.StartsWith("ال", StringComparison.Ordinal) && !ctx.Tokens[j].Folded.StartsWith("لل", StringComparison.Ordinal)
        && KnownName(ctx, j) is null;

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

    /// <summary>"بلدية مسقط" → "Muscat Municipality"; a known or composed English name; otherwise a romanization of the Arabic name (flagged).</summary>
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

        foreach (var m in ctx.MatchesAt(head.Start))
        {
            if (m.Entry.Kind is LexKind.Organization or LexKind.Event && !m.Entry.Ambiguous && m.End < end)
            {
                // كأس العالم لعام 2022 → "FIFA World Cup 2022".
                var year = ctx.Tokens[end - 1].Kind == TokenKind.Number ? " " + ctx.Tokens[end - 1].Folded : "";
                if (m.End == end - 1 || year.Length > 0 && m.End >= end - 2)
                {
                    return m.Entry.English + year;
                }
            }
        }

        // Institutions, roles and events get English by composition from the institutional lexicon (EnglishNames);
        // romanization is only for what the lexicon does not know.
        if (EnglishNameComposer.Default.Compose(words) is { } composed)
        {
            return composed.Text;
        }

        romanized = true;
        return Romanizer.RomanizePhrase(words);
    }
}
