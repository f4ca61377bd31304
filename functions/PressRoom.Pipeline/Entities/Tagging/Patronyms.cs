using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Joins two tagger persons that only a patronymic particle separates ("Saif" bin "Hilal Al Harthy", "محمد" بن
/// "راشد"): the particle is inside a name by construction, so a tagger that stops before it has cut one name in two.
/// </summary>
internal static class Patronyms
{
    static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "بن", "بنت", "ابن", "bin", "bint", "ibn" };

    public static List<TaggedSpan> Join(DocumentContext ctx, IReadOnlyList<TaggedSpan> spans)
    {
        var joined = new List<TaggedSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (joined.Count > 0 && joined[^1] is { Type: "PER" } last && span.Type == "PER" && span.First == last.End + 1
                && Particles.Contains(ctx.Tokens[last.End].Folded))
            {
                joined[^1] = last with { End = span.End };
                continue;
            }

            joined.Add(span);
        }

        return joined;
    }
}
