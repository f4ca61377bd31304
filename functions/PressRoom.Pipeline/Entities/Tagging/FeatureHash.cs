namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Allocation-free feature hashing: FNV-1a over characters, combined with a template id and finished with a
/// SplitMix64 mixer, then folded to a non-zero 32-bit key (0 marks an empty slot in <see cref="FeatureTable"/>).
/// Collisions among ~10^6 kept features in 2^32 keys are a handful; they only merge two weights.
/// </summary>
internal static class FeatureHash
{
    const ulong FnvOffset = 14695981039346656037UL;
    const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h ^= c;
            h *= FnvPrime;
        }

        return h;
    }

    /// <summary>Hash of an Arabic-normalized form: alef maqsura folded to ya on top of <c>ArabicFolding</c> (على/علي, الى/الي spellings).</summary>
    public static ulong OfNormalized(ReadOnlySpan<char> folded)
    {
        var h = FnvOffset;
        foreach (var c in folded)
        {
            h ^= c == 'ى' ? 'ي' : c;
            h *= FnvPrime;
        }

        return h;
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2)));

    /// <summary>The 32-bit key of feature <paramref name="template"/> with value <paramref name="value"/>.</summary>
    public static uint Key(int template, ulong value)
    {
        var h = Mix(value ^ ((ulong)template * 0xD6E8FEB86659FD93UL));
        var key = (uint)(h ^ (h >> 32));
        return key == 0 ? 1u : key;
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
