using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Observation features of the tokens of one segment, computed from the same <see cref="DocumentContext"/> the rules
/// use (runtime tokens, folded forms, clitic variants, gazetteer hits), so training and runtime see identical input.
/// Every feature is a 32-bit hash of (template, value); nothing is allocated per feature.
/// </summary>
internal sealed class FeatureExtractor
{
    // Template ids: part of every key, so changing one invalidates the models (bump TaggerModel.FormatVersion).
    const int Bias = 1, Raw = 2, Norm = 3, Stem = 4, Shape = 5, Prefix = 6, Suffix = 10, StemPrefix = 14, Clitic = 17,
        NormM1 = 18, NormM2 = 19, NormP1 = 20, NormP2 = 21, StemM1 = 22, StemP1 = 23, ShapeM1 = 24, ShapeP1 = 25,
        BigramL = 26, BigramR = 27, Position = 28, KindHere = 29, KindInside = 30, KindM1 = 31, KindP1 = 32,
        Length = 33, ShapeContext = 34, CapRun = 35, KindM2 = 36, NormShapeM1 = 37,
        StemM2 = 38, StemP2 = 39, SkipGram = 40, StemBigram = 41, KindP2 = 42,
        DocLower = 43, Dictionary = 44, DictionaryM1 = 45, DictionaryP1 = 46, Names = 47, NamesM1 = 48, NamesP1 = 49;

    const ulong Start = 0x5354415254UL, End = 0x454E44UL;

    ulong[] _norm = new ulong[64];
    ulong[] _stem = new ulong[64];
    ulong[] _shape = new ulong[64];
    ulong[] _inside = new ulong[64];
    int[] _dictionary = new int[64];
    ulong[] _known = new ulong[64];

    // Latin words the document also writes in lower case ("May", "Bill", "Apple" at a sentence start): built once per document.
    DocumentContext? _document;
    bool _english;
    readonly HashSet<string> _lowerCase = new(StringComparer.Ordinal);

    readonly CommonWords _words;
    readonly KnownNames _names;

    public FeatureExtractor(CommonWords words, KnownNames names)
    {
        _words = words;
        _names = names;
    }

    public FeatureExtractor() : this(CommonWords.Default, KnownNames.Default)
    {
    }

    public void Extract(DocumentContext ctx, int start, int end, FeatureBuffer buffer)
    {
        var n = end - start;
        if (!ReferenceEquals(ctx, _document))
        {
            _document = ctx;
            _english = ctx.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            _lowerCase.Clear();
            foreach (var t in ctx.Tokens)
            {
                if (t.IsLatin && !t.IsCapitalized)
                {
                    _lowerCase.Add(t.Folded);
                }
            }
        }

        if (_norm.Length < n)
        {
            var size = Math.Max(n, _norm.Length * 2);
            _norm = new ulong[size];
            _stem = new ulong[size];
            _shape = new ulong[size];
            _inside = new ulong[size];
            _dictionary = new int[size];
            _known = new ulong[size];
        }

        Array.Clear(_inside, 0, n);
        for (var k = 0; k < n; k++)
        {
            var i = start + k;
            var token = ctx.Tokens[i];
            _norm[k] = FeatureHash.OfNormalized(token.Folded);
            _stem[k] = FeatureHash.OfNormalized(StemOf(token).Stem);
            _shape[k] = ShapeHash(ctx.Text.AsSpan(token.Start, token.Length));
            _dictionary[k] = _english ? DictionaryClass(token) : 0;

            // Multi-token gazetteer matches: mark the tokens they run through (the first token has its own bits).
            foreach (var m in ctx.MatchesAt(i))
            {
                if (m.Entry.RuleOnly)
                {
                    continue;
                }

                for (var j = m.Start + 1; j < m.End && j < end; j++)
                {
                    _inside[j - start] |= 1UL << (int)m.Entry.Kind;
                }
            }
        }

        if (_english)
        {
            MarkKnownNames(ctx, start, n);
        }

        buffer.Clear();
        for (var k = 0; k < n; k++)
        {
            Token(ctx, start, k, n, buffer);
            buffer.EndToken();
        }
    }

    void Token(DocumentContext ctx, int start, int k, int n, FeatureBuffer b)
    {
        var i = start + k;
        var token = ctx.Tokens[i];
        var folded = token.Folded.AsSpan();
        var norm = _norm[k];
        b.Add(FeatureHash.Key(Bias, 0));
        b.Add(FeatureHash.Key(Raw, FeatureHash.Of(ctx.Text.AsSpan(token.Start, token.Length))));
        b.Add(FeatureHash.Key(Norm, norm));
        b.Add(FeatureHash.Key(Stem, _stem[k]));
        b.Add(FeatureHash.Key(Shape, _shape[k]));
        for (var a = 1; a <= 4 && a < folded.Length; a++)
        {
            b.Add(FeatureHash.Key(Prefix + a - 1, FeatureHash.OfNormalized(folded[..a])));
            b.Add(FeatureHash.Key(Suffix + a - 1, FeatureHash.OfNormalized(folded[^a..])));
        }

        var stem = StemOf(token);
        if (stem.Prefix > 0)
        {
            b.Add(FeatureHash.Key(Clitic, FeatureHash.Of(folded[..stem.Prefix])));
            for (var a = 2; a <= 4 && a < stem.Stem.Length; a++)
            {
                b.Add(FeatureHash.Key(StemPrefix + a - 2, FeatureHash.OfNormalized(stem.Stem.AsSpan(0, a))));
            }
        }

        var m1 = k > 0 ? _norm[k - 1] : Start;
        var p1 = k + 1 < n ? _norm[k + 1] : End;
        b.Add(FeatureHash.Key(NormM1, m1));
        b.Add(FeatureHash.Key(NormM2, k > 1 ? _norm[k - 2] : Start));
        b.Add(FeatureHash.Key(NormP1, p1));
        b.Add(FeatureHash.Key(NormP2, k + 2 < n ? _norm[k + 2] : End));
        b.Add(FeatureHash.Key(StemM1, k > 0 ? _stem[k - 1] : Start));
        b.Add(FeatureHash.Key(StemP1, k + 1 < n ? _stem[k + 1] : End));
        b.Add(FeatureHash.Key(StemM2, k > 1 ? _stem[k - 2] : Start));
        b.Add(FeatureHash.Key(StemP2, k + 2 < n ? _stem[k + 2] : End));
        b.Add(FeatureHash.Key(SkipGram, FeatureHash.Combine(m1, p1)));
        b.Add(FeatureHash.Key(StemBigram, FeatureHash.Combine(k > 0 ? _stem[k - 1] : Start, _stem[k])));
        var shapeM1 = k > 0 ? _shape[k - 1] : Start;
        var shapeP1 = k + 1 < n ? _shape[k + 1] : End;
        b.Add(FeatureHash.Key(ShapeM1, shapeM1));
        b.Add(FeatureHash.Key(ShapeP1, shapeP1));
        b.Add(FeatureHash.Key(ShapeContext, FeatureHash.Combine(FeatureHash.Combine(shapeM1, _shape[k]), shapeP1)));
        b.Add(FeatureHash.Key(NormShapeM1, FeatureHash.Combine(m1, _shape[k])));
        b.Add(FeatureHash.Key(BigramL, FeatureHash.Combine(m1, norm)));
        b.Add(FeatureHash.Key(BigramR, FeatureHash.Combine(norm, p1)));
        b.Add(FeatureHash.Key(Position, (ulong)(k == 0 ? 0 : k == n - 1 ? 1 : 2)));
        b.Add(FeatureHash.Key(Length, (ulong)Math.Min(folded.Length, 12)));

        // English: capitalized words in a run (not sentence-initial) are strong name cues.
        if (token.IsCapitalized)
        {
            var run = (k > 0 && ctx.Tokens[i - 1].IsCapitalized ? 1UL : 0) | (k + 1 < n && ctx.Tokens[i + 1].IsCapitalized ? 2UL : 0) | (k == 0 ? 4UL : 0);
            b.Add(FeatureHash.Key(CapRun, run));
            b.Add(FeatureHash.Key(DocLower, _lowerCase.Contains(token.Folded) ? 1UL + (k == 0 ? 2UL : 0) : 0UL));
        }

        // English only: an Arabic dictionary (hunspell-ar) gained nothing on dev (tenth pass, docs/entities.md).
        if (_english)
        {
            b.Add(FeatureHash.Key(Dictionary, (ulong)_dictionary[k]));
            b.Add(FeatureHash.Key(DictionaryM1, k > 0 ? (ulong)_dictionary[k - 1] : Start));
            b.Add(FeatureHash.Key(DictionaryP1, k + 1 < n ? (ulong)_dictionary[k + 1] : End));
            AddKinds(b, Names, _known[k]);
            AddKinds(b, NamesM1, k > 0 ? _known[k - 1] : 0);
            AddKinds(b, NamesP1, k + 1 < n ? _known[k + 1] : 0);
        }

        AddKinds(b, KindHere, ctx.FeatureKindBits(i));
        AddKinds(b, KindInside, _inside[k]);
        AddKinds(b, KindM1, k > 0 ? ctx.FeatureKindBits(i - 1) | _inside[k - 1] : 0);
        AddKinds(b, KindP1, k + 1 < n ? ctx.FeatureKindBits(i + 1) : 0);
        AddKinds(b, KindM2, k > 1 ? ctx.FeatureKindBits(i - 2) : 0);
        AddKinds(b, KindP2, k + 2 < n ? ctx.FeatureKindBits(i + 2) : 0);
    }

    /// <summary>
    /// <see cref="KnownNames"/> over the segment: for every name starting at a capitalized word, its class bits on its
    /// first token and, shifted by 2, on the tokens inside it.
    /// </summary>
    void MarkKnownNames(DocumentContext ctx, int start, int n)
    {
        Array.Clear(_known, 0, n);
        for (var k = 0; k < n; k++)
        {
            if (!ctx.Tokens[start + k].IsCapitalized)
            {
                continue;
            }

            var hash = KnownNames.Start;
            for (var e = k; e < n && e - k < KnownNames.MaxTokens; e++)
            {
                hash = KnownNames.Next(hash, ctx.Tokens[start + e]);
                if ((uint)_names.Classes(hash) is var classes and not 0)
                {
                    _known[k] |= (ulong)classes;
                    for (var j = k + 1; j <= e; j++)
                    {
                        _known[j] |= (ulong)classes << 2;
                    }
                }
            }
        }
    }

    /// <summary>The dictionary class of a word (<see cref="CommonWords.Classify"/>), with its capital and script; other tokens 16.</summary>
    int DictionaryClass(Token token) =>
        !token.IsWord ? 16 : _words.Classify(token) | (token.IsCapitalized ? 4 : 0) | (token.IsArabic ? 8 : 0);

    static void AddKinds(FeatureBuffer b, int template, ulong bits)
    {
        while (bits != 0)
        {
            var kind = System.Numerics.BitOperations.TrailingZeroCount(bits);
            b.Add(FeatureHash.Key(template, (ulong)kind));
            bits &= bits - 1;
        }
    }

    /// <summary>The most stripped clitic form (shortest stem): و ف ب ل ك and the article removed.</summary>
    internal static CliticVariant StemOf(Token token)
    {
        var variants = token.Variants;
        if (variants.Length == 0)
        {
            return new CliticVariant(0, 0, token.Folded, false, false);
        }

        var best = variants[0];
        foreach (var v in variants)
        {
            if (v.Stem.Length < best.Stem.Length)
            {
                best = v;
            }
        }

        return best;
    }

    /// <summary>Word shape with runs capped at two: "Obama" → Xxx, "USA" → XX, "G20" → Xdd, Arabic letters → a.</summary>
    static ulong ShapeHash(ReadOnlySpan<char> text)
    {
        var h = FeatureHash.Of([]);
        char last = '\0', before = '\0';
        foreach (var c in text)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : ArabicFolding.IsArabicLetter(c) ? 'a' : ArabicFolding.IsDiacritic(c) ? '\0' : c;
            if (s == '\0' || (s == last && s == before))
            {
                continue;
            }

            before = last;
            last = s;
            h = (h ^ s) * 1099511628211UL;
        }

        return h;
    }
}
