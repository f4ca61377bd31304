using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// English segments written in capitals (headlines, datelines: "FLOODS HIT KENYA AS …"): there every word is
/// capitalized, so the rules' capitalization cues chain whole sentences into names and read "WHO" as the acronym. In
/// such a segment a rule name stands only where the tagger, trained with headline-case copies, gives the same name.
/// </summary>
internal static class CapitalsText
{
    /// <summary>Per token, whether it lies in a segment of at least three Latin words with no lower-case letter; null when no segment is.</summary>
    public static bool[]? Mark(DocumentContext ctx)
    {
        bool[]? marks = null;
        var segments = new List<(int Start, int End)>();
        Segmenter.Split(ctx.Tokens, segments);
        foreach (var (start, end) in segments)
        {
            if (InCapitals(ctx, start, end))
            {
                marks ??= new bool[ctx.Count];
                Array.Fill(marks, true, start, end - start);
            }
        }

        return marks;
    }

    static bool InCapitals(DocumentContext ctx, int start, int end)
    {
        var words = 0;
        for (var i = start; i < end; i++)
        {
            var token = ctx.Tokens[i];
            if (!token.IsLatin)
            {
                continue;
            }

            foreach (var c in ctx.Text.AsSpan(token.Start, token.Length))
            {
                if (char.IsLower(c))
                {
                    return false;
                }
            }

            words++;
        }

        return words >= 3;
    }
}
