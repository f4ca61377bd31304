using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// Person names in Arabic and English. A name starts after a title chain (سعادة الشيخة، اللواء، Dr., Sheikh) or at a
/// known given name, keeps nasab parts (بن، بنت، آل، أبو، bin, Al) and stops at function words, roles, heads of
/// organizations, known places and clitic-prefixed words. Titles are stripped and kept as the "honorific" attribute;
/// military and diplomatic ranks are also reported as PersonType. Short later mentions are linked by <see cref="MentionLinker"/>.
/// </summary>
internal static class PersonRecognizer
{
    const string Category = "Person";
    const int MaxParts = 7;

    static readonly LexKind[] NameBreakers =
    [
        LexKind.Role, LexKind.OrgHead, LexKind.EventHead, LexKind.StructureHead, LexKind.GpeHead, LexKind.StatePrefix,
        LexKind.Honorific, LexKind.Rank, LexKind.Month, LexKind.Weekday, LexKind.Country, LexKind.City, LexKind.Region,
        LexKind.Organization, LexKind.Cardinal, LexKind.Ordinal, LexKind.Tens, LexKind.Scale, LexKind.Currency,
        LexKind.DurationUnit, LexKind.RelativeUnit, LexKind.ModifierAfter, LexKind.DayRelative, LexKind.SetWord, LexKind.Percent,
        LexKind.Event, LexKind.DualUnit, LexKind.DualScale,
    ];

    public static void Run(DocumentContext ctx, PersonRegistry registry)
    {
        for (var i = 0; i < ctx.Count; i++)
        {
            if (ctx.Claimed[i] || !ctx.IsWord(i))
            {
                continue;
            }

            var next = TryTitled(ctx, i, registry) ?? TryGivenName(ctx, i, registry);
            if (next is { } n && n > i)
            {
                i = n - 1;
            }
        }
    }

    /// <summary>A title chain, then a name. Returns the token after what was consumed.</summary>
    static int? TryTitled(DocumentContext ctx, int i, PersonRegistry registry)
    {
        var k = i;
        var titleStart = -1;
        var titleEnd = -1;
        while (k < ctx.Count && Title(ctx, k, first: k == i) is { } title)
        {
            if (titleStart < 0)
            {
                titleStart = ctx.SpanStart(title);
            }

            titleEnd = ctx.Tokens[title.End - 1].End;
            if (title.Entry.Kind == LexKind.Rank)
            {
                AddRank(ctx, title);
            }

            k = title.End;
            if (ctx.Tokens[i].IsLatin && ctx.IsPunct(k, '.') && ctx.Adjacent(k - 1, k))
            {
                k++;
            }
        }

        if (titleStart < 0)
        {
            return null;
        }

        var name = ctx.Tokens[i].IsLatin ? ReadLatinName(ctx, k, afterTitle: true) : ReadArabicName(ctx, k, afterTitle: true);
        if (name is null)
        {
            return k;
        }

        var honorific = ctx.Slice(titleStart, titleEnd);
        if (name.Parts.Count == 1)
        {
            registry.Pending.Add(new PendingMention(name, honorific));
            return name.End;
        }

        AddPerson(ctx, registry, name, honorific, 0.9);
        return name.End;
    }

    static LexMatch? Title(DocumentContext ctx, int k, bool first)
    {
        LexMatch? best = null;
        foreach (var m in ctx.MatchesAt(k))
        {
            if (m.Entry.Kind is LexKind.Honorific or LexKind.Rank && (first || !m.HasProclitic) && m.Entry.IsLatin == ctx.Tokens[k].IsLatin
                && (!ctx.Tokens[k].IsLatin || ctx.Tokens[k].IsCapitalized)
                && (best is null || m.End > best.Value.End))
            {
                best = m;
            }
        }

        // "دولة" is a title only before a role (دولة رئيس الوزراء); elsewhere it is "state".
        if (best is { Entry.Surface: "دولة" })
        {
            return null;
        }

        return best;
    }

    static void AddRank(DocumentContext ctx, LexMatch rank)
    {
        ctx.Candidates.Add(new Candidate
        {
            Start = ctx.SpanStart(rank),
            End = ctx.Tokens[rank.End - 1].End,
            Category = "PersonType",
            Confidence = 0.85,
            English = rank.Entry.English,
            Key = EntityKeys.Make("PersonType", rank.Entry.English!),
            Priority = Priorities.Role,
            FirstToken = rank.Start,
            EndToken = rank.End,
        });
    }

    /// <summary>A person starting at a known given name with at least one more name part.</summary>
    static int? TryGivenName(DocumentContext ctx, int i, PersonRegistry registry)
    {
        var token = ctx.Tokens[i];
        if (token.IsLatin && !token.IsCapitalized)
        {
            return null;
        }

        var given = Given(ctx, i, allowProclitic: true);
        if (given is not { } g || g.Entry.Ambiguous)
        {
            return null;
        }

        var name = token.IsLatin ? ReadLatinName(ctx, i, afterTitle: false) : ReadArabicName(ctx, i, afterTitle: false);
        if (name is null || name.Parts.Count < 2)
        {
            return null;
        }

        AddPerson(ctx, registry, name, null, 0.75);
        return name.End;
    }

    static LexMatch? Given(DocumentContext ctx, int k, bool allowProclitic)
    {
        LexMatch? best = null;
        foreach (var m in ctx.MatchesAt(k))
        {
            if (m.Entry.Kind == LexKind.GivenName && m.Entry.IsLatin == ctx.Tokens[k].IsLatin
                && (m.Prefix == 0 || allowProclitic && m.HasProclitic && m.SpanPrefix == m.Prefix && ctx.Tokens[k].Folded[0] == 'و')
                && (best is null || m.End > best.Value.End || m.End == best.Value.End && m.Prefix < best.Value.Prefix))
            {
                best = m;
            }
        }

        return best;
    }

    internal sealed record NamePart(int Token, string English, bool Romanized);

    internal sealed record PersonName(int Start, int End, int Prefix, List<NamePart> Parts);

    static PersonName? ReadArabicName(DocumentContext ctx, int start, bool afterTitle)
    {
        var parts = new List<NamePart>();
        var k = start;
        var prefix = 0;
        var forceNext = false;
        while (k < ctx.Count && parts.Count < MaxParts)
        {
            var token = ctx.Tokens[k];
            if (token.Kind != TokenKind.Word || !token.IsArabic || ctx.Claimed[k])
            {
                break;
            }

            if (Given(ctx, k, allowProclitic: parts.Count == 0 && !afterTitle) is { } given && (afterTitle || parts.Count > 0 || !given.Entry.Ambiguous))
            {
                if (parts.Count == 0)
                {
                    prefix = given.Prefix;
                }

                for (var t = given.Start; t < given.End; t++)
                {
                    parts.Add(new NamePart(t, t == given.Start ? given.Entry.English! : "", false));
                }

                var familyAfterAl = forceNext && ctx.Tokens[k - 1].Folded == "ال";
                k = given.End;
                forceNext = false;
                if (familyAfterAl)
                {
                    break;
                }

                continue;
            }

            if (!forceNext && ctx.FindWhole(k, LexKind.Particle) is { } particle && k + 1 < ctx.Count && ctx.Tokens[k + 1].IsArabic && !ctx.IsStop(k + 1) && (parts.Count > 0 || afterTitle))
            {
                parts.Add(new NamePart(k, particle.Entry.English!, false));
                forceNext = true;
                k++;
                continue;
            }

            if (!forceNext && Breaks(ctx, k))
            {
                break;
            }

            var afterAl = forceNext && ctx.Tokens[k - 1].Folded == "ال";
            parts.Add(new NamePart(k, Romanizer.RomanizeWord(token.Folded), true));
            forceNext = false;
            k++;

            // "آل X" is the family: the name ends there.
            if (afterAl)
            {
                break;
            }

            // A family name with the article (الأنصاري، المنصوري) ends an Arabic name unless a nasab particle follows.
            if (token.Folded.StartsWith("ال", StringComparison.Ordinal) && ctx.FindWhole(k, LexKind.Particle) is null)
            {
                break;
            }
        }

        // A name never ends on a particle.
        while (parts.Count > 0 && ctx.FindWhole(parts[^1].Token, LexKind.Particle) is not null)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.Count == 0 ? null : new PersonName(start, parts[^1].Token + 1, prefix, parts);
    }

    static bool Breaks(DocumentContext ctx, int k)
    {
        if (ctx.IsStop(k))
        {
            return true;
        }

        var token = ctx.Tokens[k];
        foreach (var m in ctx.MatchesAt(k))
        {
            if (Array.IndexOf(NameBreakers, m.Entry.Kind) >= 0)
            {
                return true;
            }

            // و + a given name joins two people (… والسيد …, … ويوسف …).
            if (m.Entry.Kind == LexKind.GivenName && m.HasProclitic && m.Prefix > 0)
            {
                return true;
            }
        }

        // بالمشاركين، للمكتب، والأمم: a preposition or conjunction before a definite word is not a name part.
        foreach (var v in token.Variants)
        {
            if (v.HasProclitic && v.HasArticle)
            {
                return true;
            }
        }

        return token.Folded.Length < 2;
    }

    static PersonName? ReadLatinName(DocumentContext ctx, int start, bool afterTitle)
    {
        var parts = new List<NamePart>();
        var k = start;
        while (k < ctx.Count && parts.Count < MaxParts)
        {
            var token = ctx.Tokens[k];
            if (token.Kind != TokenKind.Word || !token.IsLatin || ctx.Claimed[k])
            {
                break;
            }

            var particle = ctx.FindWhole(k, LexKind.Particle);
            if (!token.IsCapitalized && particle is null)
            {
                break;
            }

            if (particle is not null && (k + 1 >= ctx.Count || !ctx.Tokens[k + 1].IsCapitalized || parts.Count == 0 && !afterTitle && !token.IsCapitalized))
            {
                break;
            }

            if (particle is null && LatinBreaks(ctx, k))
            {
                break;
            }

            var given = ctx.FindWhole(k, LexKind.GivenName);
            var english = given?.Entry.English ?? ctx.Slice(token.Start, token.End);
            parts.Add(new NamePart(k, english, false));
            k++;
        }

        while (parts.Count > 0 && ctx.FindWhole(parts[^1].Token, LexKind.Particle) is not null)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.Count == 0 ? null : new PersonName(start, parts[^1].Token + 1, 0, parts);
    }

    static bool LatinBreaks(DocumentContext ctx, int k)
    {
        if (ctx.IsStop(k))
        {
            return true;
        }

        foreach (var m in ctx.MatchesAt(k))
        {
            if (Array.IndexOf(NameBreakers, m.Entry.Kind) >= 0 && m.Entry.IsLatin && m.Entry.Kind is not (LexKind.Cardinal or LexKind.Ordinal or LexKind.Scale))
            {
                return true;
            }
        }

        return false;
    }

    internal static void AddPerson(DocumentContext ctx, PersonRegistry registry, PersonName name, string? honorific, double confidence)
    {
        var english = string.Join(' ', name.Parts.Select(p => p.English).Where(e => e.Length > 0));
        var key = EntityKeys.Make(Category, english);
        var candidate = new Candidate
        {
            Start = ctx.StartAfterProclitic(name.Start, name.Prefix),
            End = ctx.Tokens[name.End - 1].End,
            Category = Category,
            Confidence = confidence,
            English = english,
            Key = key,
            Priority = Priorities.Person,
            FirstToken = name.Start,
            EndToken = name.End,
        };
        if (honorific is not null)
        {
            candidate.SetAttribute("honorific", honorific);
        }

        if (name.Parts.Any(p => p.Romanized))
        {
            candidate.SetAttribute("romanized", "true");
        }

        ctx.Candidates.Add(candidate);
        ctx.Claim(name.Start, name.End);
        registry.Register(ctx, name, key, english);
    }
}
