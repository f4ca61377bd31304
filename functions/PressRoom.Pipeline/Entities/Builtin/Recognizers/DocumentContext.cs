using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>The analysed text of one extraction: tokens, gazetteer hits per token, the reference date and the candidates so far.</summary>
internal sealed class DocumentContext
{
    readonly LexMatch[]?[] _matches;

    /// <summary>Per token, a bit per <see cref="LexKind"/> present among its matches: most lookups miss and stop here.</summary>
    readonly ulong[] _kinds;

    /// <summary>The same bits without the rule-only entries: what the tagger sees (<see cref="LexEntry.RuleOnly"/>).</summary>
    readonly ulong[] _featureKinds;

    public DocumentContext(string text, string language, DateOnly? referenceDate, BuiltinLexicon lexicon)
    {
        Text = text;
        Language = language;
        ReferenceDate = referenceDate;
        Lexicon = lexicon;
        Tokens = Tokenizer.Tokenize(text);
        _matches = new LexMatch[]?[Tokens.Count];
        _kinds = new ulong[Tokens.Count];
        _featureKinds = new ulong[Tokens.Count];
        var buffer = new List<LexMatch>();
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

        // Words repeat (Zipf): clitic forms are computed once per distinct word of the document.
        var variants = new Dictionary<string, CliticVariant[]>(StringComparer.Ordinal);
        for (var i = 0; i < Tokens.Count; i++)
        {
            var token = Tokens[i];
            if (!variants.TryGetValue(token.Folded, out var forms))
            {
                forms = token.IsArabic ? ArabicClitics.Variants(token.Folded) : [new CliticVariant(0, 0, token.Folded, false, false)];
                variants[token.Folded] = forms;
            }

            token.Variants = forms;
            buffer.Clear();
            lexicon.Trie.MatchAt(Tokens, i, buffer);

            // A person's Latin name is a name only capitalized: "said" is not Samira Said, "will" not Will. Latin given
            // names are a feature of English text only (the Arabic model is trained without them).
            if (token.IsLatin && !token.IsCapitalized)
            {
                buffer.RemoveAll(m => m.Entry.Kind is LexKind.KnownPerson or LexKind.LatinGivenName);
            }
            else if (token.IsLatin && !english)
            {
                buffer.RemoveAll(m => m.Entry.Kind == LexKind.LatinGivenName);
            }

            if (buffer.Count > 0)
            {
                _matches[i] = [.. buffer];
                foreach (var m in buffer)
                {
                    _kinds[i] |= 1UL << (int)m.Entry.Kind;
                    _featureKinds[i] |= m.Entry.RuleOnly ? 0 : 1UL << (int)m.Entry.Kind;
                }
            }
        }

        Claimed = new bool[Tokens.Count];
    }

    public string Text { get; }
    public string Language { get; }
    public DateOnly? ReferenceDate { get; set; }
    public BuiltinLexicon Lexicon { get; }
    public List<Token> Tokens { get; }
    public List<Candidate> Candidates { get; } = [];

    /// <summary>Tokens taken by temporal or numeric expressions; name recognizers do not start or run through them.</summary>
    public bool[] Claimed { get; }

    public int Count => Tokens.Count;

    public LexMatch[] MatchesAt(int i) => i >= 0 && i < _matches.Length ? _matches[i] ?? [] : [];

    /// <summary>All <see cref="LexKind"/> bits of the matches starting at token i (the tagger's gazetteer features).</summary>
    public ulong KindBits(int i) => i >= 0 && i < _kinds.Length ? _kinds[i] : 0;

    /// <summary>The kinds of the tagger's gazetteer features at token i: <see cref="KindBits"/> without rule-only entries.</summary>
    public ulong FeatureKindBits(int i) => i >= 0 && i < _featureKinds.Length ? _featureKinds[i] : 0;

    public bool HasKind(int i, LexKind kind) => i >= 0 && i < _kinds.Length && (_kinds[i] & (1UL << (int)kind)) != 0;

    /// <summary>The longest match of <paramref name="kind"/> at token i (any clitic form unless <paramref name="exact"/>).</summary>
    public LexMatch? Find(int i, LexKind kind, bool exact = false)
    {
        if (!HasKind(i, kind))
        {
            return null;
        }

        LexMatch? best = null;
        foreach (var m in MatchesAt(i))
        {
            if (m.Entry.Kind == kind && (!exact || m.Prefix == 0) && (best is null || m.End > best.Value.End || (m.End == best.Value.End && m.Prefix < best.Value.Prefix)))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>A match that covers exactly one whole token (no clitics).</summary>
    public LexMatch? FindWhole(int i, LexKind kind)
    {
        if (!HasKind(i, kind))
        {
            return null;
        }

        foreach (var m in MatchesAt(i))
        {
            if (m.Entry.Kind == kind && m.Prefix == 0 && m.End == i + 1)
            {
                return m;
            }
        }

        return null;
    }

    public bool Has(int i, LexKind kind) => Find(i, kind) is not null;

    public bool IsWord(int i) => i >= 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.Word;

    public bool IsNumber(int i) => i >= 0 && i < Tokens.Count && Tokens[i].Kind == TokenKind.Number;

    public bool IsPunct(int i, char c) => i >= 0 && i < Tokens.Count && Tokens[i].IsPunct(c);

    /// <summary>The whole token is a function word (clitic forms like "بأن" count).</summary>
    public bool IsStop(int i)
    {
        if (!HasKind(i, LexKind.Stop))
        {
            return false;
        }

        foreach (var m in MatchesAt(i))
        {
            if (m.Entry.Kind == LexKind.Stop && m.End == i + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two tokens touch (no space between them).</summary>
    public bool Adjacent(int a, int b) => a >= 0 && b < Tokens.Count && Tokens[a].End == Tokens[b].Start;

    public int SpanStart(LexMatch m) => ArabicClitics.OriginalOffset(Text, Tokens[m.Start], m.SpanPrefix);

    public int StemStart(LexMatch m) => ArabicClitics.OriginalOffset(Text, Tokens[m.Start], m.Prefix);

    public int StartAfterProclitic(int token, int prefix) => ArabicClitics.OriginalOffset(Text, Tokens[token], prefix);

    public string Slice(int start, int end) => Text[start..end];

    public void Claim(int first, int endExclusive)
    {
        for (var i = first; i < endExclusive && i < Claimed.Length; i++)
        {
            Claimed[i] = true;
        }
    }

    public bool AnyClaimed(int first, int endExclusive)
    {
        for (var i = first; i < endExclusive && i < Claimed.Length; i++)
        {
            if (Claimed[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The proclitic letters of a word that are not part of a name (و ب ل ف ك and the "ل" of "لل").</summary>
    public int ProcliticLength(int i)
    {
        var token = Tokens[i];
        var best = 0;
        foreach (var v in token.Variants)
        {
            if (v.HasProclitic && v.SpanPrefix > best)
            {
                best = v.SpanPrefix;
            }
        }

        return best;
    }
}
