using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// An English name that starts capitalized does not end in lower-case words: "Hamad Port container terminal" is Hamad
/// Port (the tagger reads on in a headline without a full stop). Names written all in lower case (social media) are left alone.
/// </summary>
internal static class LowercaseTails
{
    public static List<TaggedSpan> Trim(DocumentContext ctx, IReadOnlyList<TaggedSpan> spans)
    {
        var trimmed = new List<TaggedSpan>(spans.Count);
        foreach (var span in spans)
        {
            var end = span.End;
            if (ctx.Tokens[span.First] is { IsLatin: true, IsCapitalized: true })
            {
                while (end - span.First > 1 && ctx.Tokens[end - 1] is { IsLatin: true, IsCapitalized: false } last && char.IsLower(ctx.Text[last.Start]))
                {
                    end--;
                }
            }

            trimmed.Add(span with { End = end });
        }

        return trimmed;
    }
}
