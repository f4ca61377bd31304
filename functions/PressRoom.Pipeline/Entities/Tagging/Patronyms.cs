using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Joins two tagger persons that only a patronymic particle separates ("Saif" bin "Hilal Al Harthy", "محمد" بن
/// "راشد"): the particle is inside a name by construction, so a tagger that stops before it has cut one name in two.
/// In English text the same holds for a name part with the Arabic article written on ("al-Sabah", "ez-Zor"): a person
/// or place the tagger ends just before one reads on over it, and a span of such parts right after it joins it
/// ("Muhammad Kadhim" al-Obeidi, "Meshal al-Ahmad" + "al-Sabah").
/// </summary>
internal static class Patronyms
{
    static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "بن", "بنت", "ابن", "bin", "bint", "ibn" };

    public static List<TaggedSpan> Join(DocumentContext ctx, IReadOnlyList<TaggedSpan> spans)
    {
        var joined = new List<TaggedSpan>(spans.Count);
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (joined.Count > 0 && joined[^1] is { Type: "PER" } last && span.Type == "PER" && span.First == last.End + 1
                && Particles.Contains(ctx.Tokens[last.End].Folded))
            {
                joined[^1] = last with { End = span.End };
                continue;
            }

            if (joined.Count > 0 && joined[^1] is { Type: "PER" or "LOC" } before && span.First == before.End && AreParticleNames(ctx, span.First, span.End))
            {
                joined[^1] = before with { End = span.End };
                continue;
            }

            var end = span.End;
            var next = k + 1 < spans.Count ? spans[k + 1].First : ctx.Count;
            while (span.Type is "PER" or "LOC" && end < next && AreParticleNames(ctx, end, end + 1))
            {
                end++;
            }

            joined.Add(span with { End = end });
        }

        return joined;
    }

    static bool AreParticleNames(DocumentContext ctx, int first, int end)
    {
        for (var i = first; i < end; i++)
        {
            if (ctx.Tokens[i] is not { IsLatin: true } token || !IsParticleName(ctx.Text.AsSpan(token.Start, token.Length)))
            {
                return false;
            }
        }

        return first < end;
    }

    /// <summary>"al-Obeidi", "el-Sisi", "ez-Zor", "ash-Sharaa": a lower-case particle of two or three letters, a hyphen, a capital.</summary>
    internal static bool IsParticleName(ReadOnlySpan<char> word)
    {
        var hyphen = word.IndexOf('-');
        return hyphen is >= 2 and <= 3 && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1])
            && word[..hyphen].IndexOfAnyExceptInRange('a', 'z') < 0;
    }
}
