namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Features of the second (document) pass: the first pass's tag of the token and its neighbours, and the entity
/// types the first pass gave OTHER occurrences of the same stem in the document. A name tagged once in a clear
/// context ("الرئيس العراقي جلال طالباني") so lends its type to bare recurrences ("وقال طالباني"). The second model
/// learns how far to trust this from first-pass tags made by cross-validation on the training data.
/// </summary>
internal sealed class DocumentFeatures
{
    // Template ids of the second pass (apart from FeatureExtractor's 1–46).
    const int OwnTag = 60, PrevTag = 61, NextTag = 62, OtherTypes = 63, OwnAndOther = 64, NeverNamed = 65;

    // Per stem: bit per type (PER, LOC, ORG, MISC … by type index) seen once, and seen at least twice.
    readonly Dictionary<ulong, (uint Once, uint Twice, int Count)> _stems = [];
    int[] _types = [];

    /// <summary>Indexes the first-pass tags of a whole document: <paramref name="stems"/> per token (0 = not a word), tags per token.</summary>
    public void Index(ReadOnlySpan<ulong> stems, ReadOnlySpan<int> tags, TagSet tagSet)
    {
        ArgumentNullException.ThrowIfNull(tagSet);
        if (_types.Length != tagSet.Count)
        {
            _types = new int[tagSet.Count];
            var names = tagSet.Names.Select(n => n.Length > 2 ? n[2..] : "").Distinct().Where(n => n.Length > 0).ToList();
            for (var i = 0; i < tagSet.Count; i++)
            {
                var name = tagSet.Names[i];
                _types[i] = name.Length > 2 ? names.IndexOf(name[2..]) : -1;
            }
        }

        _stems.Clear();
        for (var i = 0; i < stems.Length; i++)
        {
            if (stems[i] == 0)
            {
                continue;
            }

            var bit = TypeBit(tags[i]);
            var s = _stems.GetValueOrDefault(stems[i]);
            _stems[stems[i]] = (s.Once | bit, s.Twice | (s.Once & bit), s.Count + 1);
        }
    }

    uint TypeBit(int tag) => tag >= 0 && _types[tag] >= 0 ? 1u << _types[tag] : 0;

    /// <summary>Appends the document-pass keys of token <paramref name="i"/> (document token index) to <paramref name="b"/>.</summary>
    public void Add(int i, ReadOnlySpan<ulong> stems, ReadOnlySpan<int> tags, FeatureBuffer b)
    {
        var own = tags[i];
        b.Add(FeatureHash.Key(OwnTag, (ulong)(own + 1)));
        b.Add(FeatureHash.Key(PrevTag, (ulong)(i > 0 ? tags[i - 1] + 1 : 0)));
        b.Add(FeatureHash.Key(NextTag, (ulong)(i + 1 < tags.Length ? tags[i + 1] + 1 : 0)));
        if (stems[i] == 0 || !_stems.TryGetValue(stems[i], out var s) || s.Count < 2)
        {
            return;
        }

        // Types of the other occurrences: seen twice, or once and not here.
        var other = s.Twice | (s.Once & ~TypeBit(own));
        if (other == 0)
        {
            b.Add(FeatureHash.Key(NeverNamed, 1));
            return;
        }

        var ownType = (ulong)(own >= 0 && _types[own] >= 0 ? _types[own] + 1 : 0);
        for (var bits = other; bits != 0; bits &= bits - 1)
        {
            var type = (ulong)System.Numerics.BitOperations.TrailingZeroCount(bits);
            b.Add(FeatureHash.Key(OtherTypes, type));
            b.Add(FeatureHash.Key(OwnAndOther, FeatureHash.Combine(ownType, type)));
        }
    }

    /// <summary>Stem keys per token of a document, as the first-pass features see them (0 for non-words).</summary>
    public static ulong[] Stems(Builtin.Recognizers.DocumentContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var stems = new ulong[ctx.Count];
        for (var i = 0; i < ctx.Count; i++)
        {
            var token = ctx.Tokens[i];
            var stem = FeatureExtractor.StemOf(token).Stem;
            stems[i] = token.IsWord && stem.Length >= 2 ? FeatureHash.OfNormalized(stem) : 0;
        }

        return stems;
    }
}
