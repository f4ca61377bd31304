using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>A title followed by a single name word ("الشيخة علياء", "Dr. Saleh"), resolved once all full names are known.</summary>
internal sealed record PendingMention(PersonRecognizer.PersonName Name, string Honorific);

/// <summary>The full names of one release and their short forms (first given name, family name, "آل X").</summary>
internal sealed class PersonRegistry
{
    readonly Dictionary<string, (string Key, string English)?> _parts = new(StringComparer.Ordinal);
    readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    /// <summary>The word opens a two-word short form ("آل ثاني", "عبد العزيز").</summary>
    public bool StartsTwoWordPart(string word) => _firstWords.Contains(word);

    public List<PendingMention> Pending { get; } = [];

    public bool TryGet(string part, out string key, out string english)
    {
        if (_parts.TryGetValue(part, out var value) && value is { } v)
        {
            (key, english) = v;
            return true;
        }

        key = english = "";
        return false;
    }

    public void Register(DocumentContext ctx, PersonRecognizer.PersonName name, string key, string english)
    {
        var parts = name.Parts;
        var first = parts[0];
        if (!first.Romanized)
        {
            // A given name may span tokens (عبد العزيز): continuation parts carry no English of their own.
            var words = new List<string> { Stem(ctx, first.Token, name.Prefix) };
            for (var p = 1; p < parts.Count && parts[p].English.Length == 0; p++)
            {
                words.Add(ctx.Tokens[parts[p].Token].Folded);
            }

            Add(string.Join(' ', words), key, english);
        }

        var last = parts[^1];
        if (parts.Count >= 2)
        {
            var lastStem = Stem(ctx, last.Token, 0);
            var previous = ctx.Tokens[parts[^2].Token].Folded;
            if (previous is "ال" or "al" or "el")
            {
                Add(previous + " " + lastStem, key, english);
            }
            else if (!IsCommonWord(ctx, last.Token))
            {
                Add(lastStem, key, english);
            }
        }
    }

    static bool IsCommonWord(DocumentContext ctx, int token)
    {
        foreach (var m in ctx.MatchesAt(token))
        {
            if (m.Entry.Kind != LexKind.GivenName && m.End == token + 1)
            {
                return true;
            }
        }

        return ctx.Tokens[token].Folded.Length < 3;
    }

    /// <summary>The folded word without proclitics (the article stays: الأنصاري).</summary>
    public static string Stem(DocumentContext ctx, int token, int prefix)
    {
        var t = ctx.Tokens[token];
        if (prefix > 0)
        {
            foreach (var v in t.Variants)
            {
                if (v.Prefix == prefix)
                {
                    return v.Stem;
                }
            }
        }

        return t.Folded;
    }

    void Add(string part, string key, string english)
    {
        if (part.Length < 2)
        {
            return;
        }

        if (_parts.TryGetValue(part, out var existing))
        {
            // Two people share this short form: it links to neither.
            if (existing is { } e && e.Key != key)
            {
                _parts[part] = null;
            }

            return;
        }

        _parts[part] = (key, english);
        if (part.IndexOf(' ', StringComparison.Ordinal) is var space and > 0)
        {
            _firstWords.Add(part[..space]);
        }
    }
}

/// <summary>
/// Links short mentions to the full name used earlier or later in the same release: "الشيخة علياء" and "الأنصاري"
/// get the key of "علياء أحمد بن سيف آل ثاني" / "عبد العزيز عبد الله الأنصاري" and <c>linkedTo</c> = that key.
/// </summary>
internal static class MentionLinker
{
    public static void Run(DocumentContext ctx, PersonRegistry registry)
    {
        foreach (var pending in registry.Pending)
        {
            var name = pending.Name;
            var token = name.Parts[0].Token;
            var stem = PersonRegistry.Stem(ctx, token, name.Prefix);
            if (registry.TryGet(stem, out var key, out var english))
            {
                Add(ctx, token, token + 1, name.Prefix, key, english, pending.Honorific, linked: true);
            }
            else if (ctx.Tokens[token].IsLatin || !stem.StartsWith("ال", StringComparison.Ordinal))
            {
                var part = name.Parts[0];
                var own = part.English;
                Add(ctx, token, token + 1, name.Prefix, EntityKeys.Make("Person", own), own, pending.Honorific, linked: false, romanized: part.Romanized);
            }
        }

        var inPerson = new bool[ctx.Count];
        foreach (var person in ctx.Candidates.Where(c => c.Category == "Person"))
        {
            Array.Fill(inPerson, true, person.FirstToken, person.EndToken - person.FirstToken);
        }

        for (var i = 0; i < ctx.Count; i++)
        {
            if (ctx.Claimed[i] || !ctx.IsWord(i) || inPerson[i])
            {
                continue;
            }

            var token = ctx.Tokens[i];
            if (token.IsLatin && !token.IsCapitalized)
            {
                continue;
            }

            if (i + 1 < ctx.Count && ctx.IsWord(i + 1) && registry.StartsTwoWordPart(token.Folded) && registry.TryGet(token.Folded + " " + ctx.Tokens[i + 1].Folded, out var key2, out var english2))
            {
                Add(ctx, i, i + 2, 0, key2, english2, null, linked: true);
                i++;
                continue;
            }

            foreach (var v in token.Variants)
            {
                if (v.SpanPrefix == v.Prefix && registry.TryGet(v.Stem, out var key, out var english))
                {
                    Add(ctx, i, i + 1, v.Prefix, key, english, null, linked: true);
                    break;
                }
            }
        }
    }

    static void Add(DocumentContext ctx, int first, int end, int prefix, string key, string english, string? honorific, bool linked, bool romanized = false)
    {
        var candidate = new Candidate
        {
            Start = ctx.StartAfterProclitic(first, prefix),
            End = ctx.Tokens[end - 1].End,
            Category = "Person",
            Confidence = linked ? 0.85 : 0.6,
            English = english,
            Key = key,
            Priority = Priorities.Person,
            FirstToken = first,
            EndToken = end,
        };
        if (linked)
        {
            candidate.SetAttribute("linkedTo", key);
        }

        if (honorific is not null)
        {
            candidate.SetAttribute("honorific", honorific);
        }

        if (romanized)
        {
            candidate.SetAttribute("romanized", "true");
        }

        ctx.Candidates.Add(candidate);
        ctx.Claim(first, end);
    }
}
