using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// Known names from the gazetteers: countries (with "دولة/جمهورية …" prefixes), cities, regions, well-known bodies,
/// the full names of well-known people, named events and role words (PersonType). English names and keys come from
/// the gazetteer, so an Arabic mention and its English counterpart share one key.
/// </summary>
internal static class GazetteerRecognizer
{
    static readonly HashSet<string> LocativeCues = new(StringComparer.Ordinal)
    {
        "في", "من", "الى", "الي", "بين", "عبر", "نحو", "مدينه", "محافظه", "منطقه", "in", "at", "from", "to", "near",
    };

    public static void Run(DocumentContext ctx)
    {
        for (var i = 0; i < ctx.Count; i++)
        {
            if (ctx.Claimed[i] || !ctx.IsWord(i))
            {
                continue;
            }

            foreach (var m in ctx.MatchesAt(i))
            {
                switch (m.Entry.Kind)
                {
                    case LexKind.Country or LexKind.City or LexKind.Region:
                        AddLocation(ctx, m);
                        break;
                    case LexKind.Organization:
                        AddNamed(ctx, m, "Organization", null);
                        break;
                    case LexKind.Event:
                        AddNamed(ctx, m, "Event", null);
                        break;
                    case LexKind.KnownPerson when m.End - m.Start > 1 && !m.Entry.Ambiguous:
                        // A well-known person's whole name ("بان كي مون", "Iker Casillas"); one word alone is only a tagger feature.
                        AddNamed(ctx, m, "Person", null);
                        break;
                    case LexKind.Role:
                        AddRole(ctx, m);
                        break;
                    case LexKind.StatePrefix:
                        AddStatePrefixed(ctx, m);
                        break;
                }
            }
        }
    }

    static bool Acceptable(DocumentContext ctx, LexMatch m)
    {
        if (ctx.AnyClaimed(m.Start, m.End))
        {
            return false;
        }

        var token = ctx.Tokens[m.Start];
        if (m.Entry.IsLatin != token.IsLatin)
        {
            return false;
        }

        // English proper names are capitalized in running text (Jordan, not "jordan"; US, not "us").
        if (token.IsLatin && !token.IsCapitalized)
        {
            return false;
        }

        if (token.IsLatin && m.Entry.Surface.Length <= 3 && m.Entry.Surface.All(char.IsUpper) && !ctx.Slice(token.Start, token.End).All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return false;
        }

        return !m.Entry.Ambiguous || HasCue(ctx, m);
    }

    /// <summary>A place named right after a locative word or with the locative proclitic ب: "في الدوحة", "بالدوحة", "in Doha".</summary>
    public static bool AfterLocative(DocumentContext ctx, Candidate place)
    {
        var token = ctx.Tokens[place.FirstToken];
        if (token.IsArabic && place.Start > token.Start && ctx.Text[token.Start] == 'ب')
        {
            return true;
        }

        var previous = place.FirstToken - 1;
        return previous >= 0 && LocativeCues.Contains(ctx.Tokens[previous].Folded);
    }

    /// <summary>An ambiguous name needs a locative word before it or a neighbouring known name (a list).</summary>
    static bool HasCue(DocumentContext ctx, LexMatch m)
    {
        var previous = m.Start - 1;
        while (previous >= 0 && ctx.Tokens[previous].Kind == TokenKind.Punct && ctx.Tokens[previous].Folded is "،" or "," or "(" or ")")
        {
            previous--;
        }

        if (m.HasProclitic && ctx.Tokens[m.Start].Folded[0] == 'ب' && m.Entry.Kind is LexKind.City or LexKind.Country or LexKind.Region)
        {
            return true;
        }

        if (previous >= 0 && LocativeCues.Contains(ctx.Tokens[previous].Folded))
        {
            return true;
        }

        return IsKnownName(ctx, previous, m.Entry.Kind) || IsKnownName(ctx, NextWord(ctx, m.End), m.Entry.Kind);
    }

    static int NextWord(DocumentContext ctx, int j)
    {
        while (j < ctx.Count && ctx.Tokens[j].Kind == TokenKind.Punct && ctx.Tokens[j].Folded is "،" or "," or "(" or ")")
        {
            j++;
        }

        return j;
    }

    static bool IsKnownName(DocumentContext ctx, int j, LexKind kind)
    {
        if (j < 0 || j >= ctx.Count)
        {
            return false;
        }

        var locations = kind is LexKind.City or LexKind.Country or LexKind.Region;
        foreach (var m in ctx.MatchesAt(j))
        {
            if (!m.Entry.Ambiguous && (locations ? m.Entry.Kind is LexKind.City or LexKind.Country or LexKind.Region : m.Entry.Kind == kind))
            {
                return true;
            }
        }

        // A known name ending at j (multi-word) also counts.
        for (var k = Math.Max(0, j - 4); k < j; k++)
        {
            foreach (var m in ctx.MatchesAt(k))
            {
                if (m.End == j + 1 && !m.Entry.Ambiguous && (locations ? m.Entry.Kind is LexKind.City or LexKind.Country or LexKind.Region : m.Entry.Kind == kind))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"صلاة المغرب" is the sunset prayer, not Morocco.</summary>
    public static bool IsPrayerName(DocumentContext ctx, int token) =>
        token > 0 && token < ctx.Count && ctx.Tokens[token].Folded == "المغرب"
        && (ctx.Tokens[token - 1].Folded.EndsWith("صلاه", StringComparison.Ordinal) || ctx.Tokens[token - 1].Folded is "اذان" or "الاذان" or "لصلاتي" or "صلاتي");

    static void AddLocation(DocumentContext ctx, LexMatch m)
    {
        if (!Acceptable(ctx, m) || !PreferredHomograph(ctx, m) || IsPrayerName(ctx, m.Start))
        {
            return;
        }

        var sub = m.Entry.Kind switch
        {
            LexKind.Country => "Country",
            LexKind.City => "City",
            _ => m.Entry.Subcategory ?? "GPE",
        };
        var candidate = Make(ctx, m, ctx.SpanStart(m), "Location", sub, m.Entry.English!, Priorities.Gazetteer);
        if (m.Entry.Kind is LexKind.Country or LexKind.City && m.Entry.Code is { Length: 2 } code)
        {
            candidate.SetAttribute("countryCode", code);
        }

        ctx.Candidates.Add(candidate);
    }

    /// <summary>Among homographs (عمّان Amman / عُمان Oman) the entry whose diacritics match the text wins; else the first listed.</summary>
    /// <remarks>The common case, one match, returns before the lambdas' closure is allocated.</remarks>
    static bool PreferredHomograph(DocumentContext ctx, LexMatch m) => ctx.MatchesAt(m.Start).Length == 1 || PreferredAmongHomographs(ctx, m);

    static bool PreferredAmongHomographs(DocumentContext ctx, LexMatch m)
    {
        var others = ctx.MatchesAt(m.Start).Where(o => o.End == m.End && o.Entry != m.Entry && o.Entry.Kind is LexKind.Country or LexKind.City or LexKind.Region).ToList();
        if (others.Count == 0)
        {
            return true;
        }

        var surface = ctx.Slice(ctx.StemStart(m), ctx.Tokens[m.End - 1].End);
        bool Exact(LexMatch x) => surface.EndsWith(x.Entry.Surface, StringComparison.Ordinal);
        var all = others.Append(m).ToList();
        var exact = all.Where(Exact).ToList();
        var best = (exact.Count > 0 ? exact : all)
            .OrderBy(x => Rank(x.Entry.Kind))
            .ThenBy(x => x.Entry.English, StringComparer.Ordinal)
            .First();
        return best.Entry == m.Entry;

        static int Rank(LexKind kind) => kind switch { LexKind.Country => 0, LexKind.City => 1, _ => 2 };
    }

    static void AddNamed(DocumentContext ctx, LexMatch m, string category, string? sub)
    {
        if (!Acceptable(ctx, m))
        {
            return;
        }

        // "القاعدة الجوية" (the air base) is not Al-Qaeda: an ambiguous name followed by an adjective is a common noun.
        if (m.Entry.Ambiguous && m.End < ctx.Count && ctx.Tokens[m.End].IsArabic && ctx.Tokens[m.End].Folded.StartsWith("ال", StringComparison.Ordinal)
            && !ctx.Has(m.End, LexKind.Organization))
        {
            return;
        }

        ctx.Candidates.Add(Make(ctx, m, ctx.SpanStart(m), category, sub, m.Entry.English!, Priorities.Gazetteer));
    }

    static void AddRole(DocumentContext ctx, LexMatch m)
    {
        if (!Acceptable(ctx, m))
        {
            return;
        }

        ctx.Candidates.Add(Make(ctx, m, ctx.SpanStart(m), "PersonType", null, m.Entry.English!, Priorities.Role));
    }

    /// <summary>دولة قطر, جمهورية كوريا, State of Qatar: the prefix joins the country.</summary>
    static void AddStatePrefixed(DocumentContext ctx, LexMatch prefix)
    {
        var j = prefix.End;
        var country = ctx.FindWhole(j, LexKind.Country) ?? ctx.Find(j, LexKind.Country, exact: true);
        if (country is not { } c || ctx.AnyClaimed(prefix.Start, c.End) || ctx.Tokens[prefix.Start].IsLatin != ctx.Tokens[j].IsLatin)
        {
            return;
        }

        var combined = prefix with { End = c.End, Entry = c.Entry };
        var candidate = Make(ctx, combined, ctx.SpanStart(prefix), "Location", "Country", c.Entry.English!, Priorities.Gazetteer);
        if (c.Entry.Code is { Length: 2 } code)
        {
            candidate.SetAttribute("countryCode", code);
        }

        ctx.Candidates.Add(candidate);
    }

    static Candidate Make(DocumentContext ctx, LexMatch m, int start, string category, string? sub, string english, int priority) => new()
    {
        Start = start,
        End = ctx.Tokens[m.End - 1].End,
        Category = category,
        Subcategory = sub,
        Confidence = m.Entry.Ambiguous ? 0.7 : 0.95,
        English = english,
        Key = EntityKeys.Make(category, english),
        Priority = priority + m.Entry.TokenCount,
        FirstToken = m.Start,
        EndToken = m.End,
    };
}
