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
                while (k < ctx.Count && ctx.IsWord(k) && ctx.Tokens[k].IsLatin && !ctx.Tokens[k].IsCapitalized && Connectors.Contains(ctx.Tokens[k].Folded) && !ctx.Claimed[k])
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
            if (folded is "and" or "&" && part.Count > 0 && n + 1 < run.Count)
            {
                var right = run[n + 1];
                var theNext = ctx.Tokens[right].Folded == "the";
                var startsName = StartsKnownName(ctx, right, out var isLocation);
                if (theNext || startsName && !(isLocation && HasHead(ctx, part)))
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
        }

        if (part.Count > 0)
        {
            yield return part;
        }
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

    static LexKind? HeadKind(DocumentContext ctx, int t)
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
