namespace PressRoom.TextKernel;

/// <summary>
/// Splits text into sentences for the translation and entity chunkers. Boundaries: paragraph and line breaks,
/// and . ! ? ؟ … followed by a space or the end (not inside numbers like 3.5, not after one-letter or known
/// abbreviations like "د." or "Dr."). Arabic clause marks ، ؛ and ; , are used only to cut a sentence that is
/// longer than the caller's limit. Spans never include surrounding whitespace. The one segmenter of PressRoom:
/// the document reader uses <see cref="Split(string, int)"/>, the Azure chunkers <see cref="Cover"/> and <see cref="Clauses"/>.
/// </summary>
public static class SentenceSegmenter
{
    static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "inc", "ltd", "co", "no", "vs", "etc", "jr", "sr", "gen", "col", "lt",
        "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ص", "م", "هـ", "ق.م", "د", "أ", "م.م",
    };

    /// <summary>Sentences of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<TextSpan> Split(string text) => Split(text, int.MaxValue);

    /// <summary>
    /// Sentences of <paramref name="text"/>, none longer than <paramref name="maxLength"/>: a longer sentence is cut
    /// at its last clause mark (، ؛ ; ,) that fits, else at its last space that fits, else hard.
    /// </summary>
    public static IReadOnlyList<TextSpan> Split(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var spans = new List<TextSpan>();
        int sentenceStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r' or '\u2029' or '\u2028')
            {
                AddTrimmed(text, sentenceStart, i, maxLength, spans);
                sentenceStart = i + 1;
                continue;
            }

            if (!IsTerminator(c))
            {
                continue;
            }

            int end = i + 1;
            while (end < text.Length && (IsTerminator(text[end]) || IsCloser(text[end])))
            {
                end++;
            }

            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                i = end - 1;
                continue;
            }

            if (c == '.' && !EndsSentence(text, i, end))
            {
                i = end - 1;
                continue;
            }

            AddTrimmed(text, sentenceStart, end, maxLength, spans);
            sentenceStart = end;
            i = end - 1;
        }

        AddTrimmed(text, sentenceStart, text.Length, maxLength, spans);
        return spans;
    }

    /// <summary>
    /// Contiguous spans that together cover the whole text: the sentences of <see cref="Split(string)"/>, each with the
    /// whitespace that follows it, so a chunker can cut and reassemble the text exactly.
    /// </summary>
    public static IReadOnlyList<TextSpan> Cover(string text)
    {
        var sentences = Split(text);
        var spans = new List<TextSpan>(Math.Max(1, sentences.Count));
        int start = 0;
        for (int k = 0; k < sentences.Count; k++)
        {
            int end = k + 1 < sentences.Count ? sentences[k + 1].Start : text.Length;
            spans.Add(new TextSpan(start, end - start));
            start = end;
        }

        if (spans.Count == 0 && text.Length > 0)
        {
            spans.Add(new TextSpan(0, text.Length));
        }

        return spans;
    }

    /// <summary>
    /// Contiguous pieces of one over-long sentence, each ending after a clause mark (، ؛ , ; :) and the whitespace
    /// after it; a mark inside a number (1,200) does not cut.
    /// </summary>
    public static IReadOnlyList<TextSpan> Clauses(string text, TextSpan sentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var start = sentence.Start;
        var i = sentence.Start;
        while (i < sentence.End)
        {
            if (!IsClauseMark(text[i]))
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < sentence.End && (IsClauseMark(text[j]) || IsCloser(text[j])))
            {
                j++;
            }

            if (j < sentence.End && !char.IsWhiteSpace(text[j]))
            {
                i = j;
                continue;
            }

            while (j < sentence.End && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            spans.Add(new TextSpan(start, j - start));
            start = j;
            i = j;
        }

        if (start < sentence.End)
        {
            spans.Add(new TextSpan(start, sentence.End - start));
        }

        return spans;
    }

    static bool IsClauseMark(char c) => c is '\u060C' or '\u061B' or ',' or ';' or ':';

    static bool IsTerminator(char c) => c is '.' or '!' or '?' or '\u061F' or '\u2026' or '\u06D4';

    static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '}' or '»' or '\u201D' or '\u2019' or '\u00BB';

    /// <summary>A full stop ends a sentence unless it closes a one-letter or known abbreviation, or the next word starts in lower case.</summary>
    static bool EndsSentence(string text, int dot, int end)
    {
        int wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '«'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart).ToString();
        if (word.Length == 1 && char.IsLetter(word[0]) || Abbreviations.Contains(word))
        {
            return false;
        }

        int next = end;
        while (next < text.Length && text[next] == ' ')
        {
            next++;
        }

        return next >= text.Length || !char.IsLower(text[next]);
    }

    static void AddTrimmed(string text, int start, int end, int maxLength, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        while (end - start > maxLength)
        {
            int cut = FindCut(text, start, start + maxLength);
            AddTrimmed(text, start, cut, maxLength, spans);
            start = cut;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end - start));
        }
    }

    /// <summary>The end of the longest piece of [start, limit) that ends at a clause mark, else at a space, else at limit.</summary>
    static int FindCut(string text, int start, int limit)
    {
        for (int i = limit - 1; i > start; i--)
        {
            if (text[i] is '\u060C' or '\u061B' or ';' or ',')
            {
                return i + 1;
            }
        }

        for (int i = limit - 1; i > start; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        // Never split a surrogate pair.
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }
}
