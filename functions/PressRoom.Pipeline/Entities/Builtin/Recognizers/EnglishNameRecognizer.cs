using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// English names of organizations, events and structures: runs of capitalized words (with "of", "for", "the", "and",
/// "on" inside) are split at "and the" / "and &lt;known name&gt;", a leading role ("Chairman of the …") is peeled off,
/// and the run is typed by its head noun ("… Ministry", "Ministry of …", "… Summit", "… Airport").
/// </summary>
internal static class EnglishNameRecognizer
{
    static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "and", "on", "&", "de", "al", "bin", "bint" };

    static readonly HashSet<string> CoreEnders = new(StringComparer.Ordinal) { "of", "for", "on" };

    public static void Run(DocumentContext ctx)
    {
        var i = 0;
        while (i < ctx.Count)
        {
            if (!StartsRun(ctx, i))
            {
                i++;
                continue;
            }

            var run = new List<int> { i };
            var j = i + 1;
            while (j < ctx.Count)
            {
                if (IsCapitalWord(ctx, j))
                {
                    run.Add(j);
                    j++;
                    continue;
                }

                // Connectors only inside a run: "Ministry of the Interior", "Culture and Youth".
                var k = j;
                while (k < ctx.Count && (ctx.IsWord(k) && ctx.Tokens[k].IsLatin && !ctx.Tokens[k].IsCapitalized && Connectors.Contains(ctx.Tokens[k].Folded) || ctx.IsPunct(k, '&')) && !ctx.Claimed[k])
                {
                    k++;
                }

                if (k > j && IsCapitalWord(ctx, k))
                {
                    for (var c = j; c < k; c++)
                    {
                        run.Add(c);
                    }

                    j = k;
                    continue;
                }

                break;
            }

            foreach (var part in Split(ctx, run))
            {
                Classify(ctx, part);
            }

            i = j;
        }
    }

    static bool StartsRun(DocumentContext ctx, int i) => IsCapitalWord(ctx, i);

    static bool IsCapitalWord(DocumentContext ctx, int i) =>
        i < ctx.Count && ctx.IsWord(i) && ctx.Tokens[i].IsLatin && ctx.Tokens[i].IsCapitalized && !ctx.Claimed[i];

    /// <summary>Splits a run at "and the …" and at "and &lt;known name / head / title&gt;".</summary>
    static IEnumerable<List<int>> Split(DocumentContext ctx, List<int> run)
    {
        var part = new List<int>();
        for (var n = 0; n < run.Count; n++)
        {
            var t = run[n];
            var folded = ctx.Tokens[t].Folded;
            // "&" joins firm names (Harrow Lane & Partners, Johnson & Johnson): only "and" separates two names.
            if (folded is "and" && part.Count > 0 && n + 1 < run.Count)
            {
                var right = run[n + 1];
                var theNext = ctx.Tokens[right].Folded == "the";
                var startsName = StartsKnownName(ctx, right, out var isLocation);
                // A lone head after "and" completes this name: "Sohar Port and Freezone".
                var loneHead = n + 2 == run.Count && HeadKind(ctx, right) is not null;
                if (theNext || startsName && !loneHead && !(isLocation && HasHead(ctx, part)) || TwoNames(ctx, part, run, n + 1))
                {
                    yield return part;
                    part = [];
                    if (theNext)
                    {
                        n++;
                    }

                    continue;
                }
            }

            part.Add(t);

            // A head followed by a person starts a new name: "Speaker of the House Adel bin Mubarak", also behind a
            // title: "European Council President Antonio Costa".
            if (n + 1 < run.Count && HeadKind(ctx, t) is not null && (StartsPerson(ctx, run, n + 1) || StartsTitledName(ctx, run, n + 1)))
            {
                yield return part;
                part = [];
                continue;
            }

            // A possessive ends its own name: "Qatar's Harbour Club" is Qatar's club, "Harbour Club".
            if (IsPossessive(ctx.Tokens[t]) && n + 1 < run.Count)
            {
                yield return part;
                part = [];
            }
        }

        if (part.Count > 0)
        {
            yield return part;
        }
    }

    /// <summary>A Latin word with the possessive ending: Ghana's, Qalhat's (apostrophes are folded to ').</summary>
    public static bool IsPossessive(Token token) =>
        token.IsLatin && token.Folded.Length > 2 && token.Folded.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && !CommonPossessives.Contains(token.Folded);

    /// <summary>Possessives that are part of names: "Asian Men's Club Championship", "Children's Hospital".</summary>
    static readonly HashSet<string> CommonPossessives = new(StringComparer.OrdinalIgnoreCase) { "men's", "women's", "children's", "people's", "king's", "queen's" };

    /// <summary>
    /// "University of Leeds and Seoul National University", "Brightwater Advisory and Kestrel Labs": both sides of the
    /// "and" have a head and the right side has a word before its head, so it is a name of its own ("Ministry of Trade
    /// and Industry", "Sohar Port and Freezone" stay one).
    /// </summary>
    static bool TwoNames(DocumentContext ctx, List<int> part, List<int> run, int right)
    {
        if (!HasHead(ctx, part) || !ctx.Tokens[run[right]].IsCapitalized)
        {
            return false;
        }

        for (var n = right + 1; n < run.Count && ctx.Tokens[run[n]].Folded is not ("and" or "&"); n++)
        {
            if (HeadKind(ctx, run[n]) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A person's name starts at run[n]: a known given name or title, or a word before "bin"/"bint".</summary>
    static bool StartsPerson(DocumentContext ctx, List<int> run, int n) =>
        ctx.MatchesAt(run[n]).Any(m => m.Entry.IsLatin && m.Entry.Kind is LexKind.GivenName or LexKind.Honorific or LexKind.Rank && !m.Entry.Ambiguous)
        || n + 1 < run.Count && ctx.Tokens[run[n + 1]].Folded is "bin" or "bint";

    /// <summary>A title, then a capitalized word that is no head, starts at run[n]: "President Antonio Costa" (not "President's Office").</summary>
    static bool StartsTitledName(DocumentContext ctx, List<int> run, int n)
    {
        if (ctx.Find(run[n], LexKind.Role) is not { } role || !role.Entry.IsLatin)
        {
            return false;
        }

        var after = n + (role.End - role.Start);
        return after < run.Count && run[after] == role.End && ctx.Tokens[role.End].IsCapitalized && !IsPossessive(ctx.Tokens[role.End - 1]) && HeadKind(ctx, role.End) is null;
    }

    static bool StartsKnownName(DocumentContext ctx, int t, out bool isLocation)
    {
        isLocation = false;
        foreach (var m in ctx.MatchesAt(t))
        {
            if (!m.Entry.IsLatin)
            {
                continue;
            }

            switch (m.Entry.Kind)
            {
                case LexKind.Country or LexKind.City or LexKind.Region:
                    isLocation = true;
                    return true;
                case LexKind.Organization or LexKind.Event or LexKind.OrgHead or LexKind.Honorific or LexKind.Rank or LexKind.GivenName:
                    return true;
            }
        }

        return false;
    }

    static bool HasHead(DocumentContext ctx, List<int> part) => part.Any(t => HeadKind(ctx, t) is not null);

    /// <summary>The kind of the listed English head noun at token <paramref name="t"/> (Ministry, Summit, Airport), or null.</summary>
    internal static LexKind? HeadKind(DocumentContext ctx, int t)
    {
        foreach (var m in ctx.MatchesAt(t))
        {
            if (m.Entry.IsLatin && m.End == t + 1 && m.Entry.Kind is LexKind.OrgHead or LexKind.EventHead or LexKind.StructureHead or LexKind.GpeHead)
            {
                return m.Entry.Kind;
            }
        }

        return null;
    }

    static void Classify(DocumentContext ctx, List<int> part)
    {
        // Drop sentence-initial function words (The, In, After …) and trailing connectors.
        var start = 0;
        while (start < part.Count && (ctx.IsStop(part[start]) || Connectors.Contains(ctx.Tokens[part[start]].Folded)))
        {
            start++;
        }

        // A leading role: "Chairman of the Organizing Committee", "Director of the UNESCO Regional Office".
        if (start < part.Count && ctx.Find(part[start], LexKind.Role) is { } role && role.Entry.IsLatin)
        {
            var afterRole = start + (role.End - role.Start);
            if (afterRole < part.Count && ctx.Tokens[part[afterRole]].Folded is "of" or "for" or "at")
            {
                start = afterRole;
                while (start < part.Count && Connectors.Contains(ctx.Tokens[part[start]].Folded))
                {
                    start++;
                }
            }
        }

        var end = part.Count;
        while (end > start && Connectors.Contains(ctx.Tokens[part[end - 1]].Folded))
        {
            end--;
        }

        if (end <= start)
        {
            return;
        }

        // The head is the last head noun before the first "of/for/on" (Ministry of …, … Regional Office for …).
        LexKind? head = null;
        for (var n = start; n < end; n++)
        {
            var t = part[n];
            if (CoreEnders.Contains(ctx.Tokens[t].Folded))
            {
                break;
            }

            if (HeadKind(ctx, t) is { } kind)
            {
                head = kind;
            }
        }

        if (head is null)
        {
            return;
        }

        var (category, sub) = head switch
        {
            LexKind.OrgHead => ("Organization", (string?)null),
            LexKind.EventHead => ("Event", null),
            LexKind.StructureHead => ("Location", "Structure"),
            _ => ("Location", "GPE"),
        };

        // A single head word alone ("Ministry", "Group") is not a name.
        if (end - start == 1)
        {
            return;
        }

        var first = part[start];
        var last = part[end - 1];
        var text = ctx.Slice(ctx.Tokens[first].Start, ctx.Tokens[last].End);
        ctx.Candidates.Add(new Candidate
        {
            Start = ctx.Tokens[first].Start,
            End = ctx.Tokens[last].End,
            Category = category,
            Subcategory = sub,
            Confidence = 0.8,
            English = text,
            Key = EntityKeys.Make(category, text),
            Priority = Priorities.Rule,
            FirstToken = first,
            EndToken = last + 1,
        });
        ctx.Claim(first, last + 1);
    }
}
