using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// English segments written in capitals or in title case (headlines, datelines: "FLOODS HIT KENYA AS …", "Ministry
/// Of Culture Launches Annual Book Fair In Muscat"): there every word is capitalized, so the rules' capitalization
/// cues chain whole lines into names and read "WHO" as the acronym. In such a segment a rule name stands only where
/// the tagger, trained with headline-case copies, gives the same name.
/// </summary>
internal static class CapitalsText
{
    /// <summary>
    /// Per token, whether it lies in a segment of at least three Latin words with no lower-case letter, or of at least
    /// four where every word but the short function words starts with a capital; null when no segment is.
    /// </summary>
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

    static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "into", "over",
    };

    static bool InCapitals(DocumentContext ctx, int start, int end)
    {
        int words = 0, lowerInitial = 0;
        var allCaps = true;
        for (var i = start; i < end; i++)
        {
            var token = ctx.Tokens[i];
            if (!token.IsLatin)
            {
                continue;
            }

            var text = ctx.Text.AsSpan(token.Start, token.Length);
            allCaps &= !TaggedSpans.HasLowerCase(text);
            if (char.IsLower(text[0]) && !FunctionWords.Contains(token.Folded))
            {
                lowerInitial++;
            }

            words++;
        }

        return (allCaps && words >= 3) || (lowerInitial == 0 && words >= 4);
    }
}
