using System.Globalization;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// Cuts a text into contiguous chunks whose measure stays within a budget: whole sentences where they fit, then
/// clauses, then words, and only as a last resort between text elements (never inside a grapheme or surrogate pair).
/// Sentences and clauses come from the one segmenter, <see cref="SentenceSegmenter"/>.
/// </summary>
public sealed class TextChunker
{
    /// <summary>Measure of text[start..start+length] (code points, text elements, …).</summary>
    public delegate int Measure(string text, int start, int length);

    public IReadOnlyList<TextSpan> Chunk(string text, int budget, Measure measure) =>
        Chunk(text, new TextSpan(0, text.Length), budget, measure);

    public IReadOnlyList<TextSpan> Chunk(string text, TextSpan within, int budget, Measure measure)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 2);
        var pieces = new List<(TextSpan Span, int Size)>();
        foreach (var sentence in SentencesWithin(text, within))
        {
            AddFitting(text, sentence, budget, measure, pieces, level: 0);
        }

        // Pack consecutive pieces greedily; sizes add up because pieces end at whitespace or punctuation.
        var chunks = new List<TextSpan>();
        var start = within.Start;
        var size = 0;
        var end = within.Start;
        foreach (var (span, pieceSize) in pieces)
        {
            if (size > 0 && size + pieceSize > budget)
            {
                chunks.Add(new TextSpan(start, end - start));
                start = span.Start;
                size = 0;
            }

            size += pieceSize;
            end = span.End;
        }

        if (end > start)
        {
            chunks.Add(new TextSpan(start, end - start));
        }

        return chunks;
    }

    IEnumerable<TextSpan> SentencesWithin(string text, TextSpan within)
    {
        if (within.Start == 0 && within.Length == text.Length)
        {
            return SentenceSegmenter.Cover(text);
        }

        var sub = within.Of(text);
        return SentenceSegmenter.Cover(sub).Select(s => new TextSpan(s.Start + within.Start, s.Length));
    }

    void AddFitting(string text, TextSpan span, int budget, Measure measure, List<(TextSpan, int)> pieces, int level)
    {
        var size = measure(text, span.Start, span.Length);
        if (size <= budget)
        {
            pieces.Add((span, size));
            return;
        }

        var parts = level switch
        {
            0 => SentenceSegmenter.Clauses(text, span),
            1 => Words(text, span),
            _ => TextElementHalves(text, span),
        };
        if (parts.Count <= 1)
        {
            if (level < 2)
            {
                AddFitting(text, span, budget, measure, pieces, level + 1);
            }
            else
            {
                // One grapheme larger than the budget cannot be cut without corrupting it.
                pieces.Add((span, size));
            }

            return;
        }

        foreach (var part in parts)
        {
            AddFitting(text, part, budget, measure, pieces, level == 2 ? 2 : level + 1);
        }
    }

    static List<TextSpan> Words(string text, TextSpan span)
    {
        var words = new List<TextSpan>();
        var start = span.Start;
        for (var i = span.Start; i < span.End; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (i + 1 == span.End || !char.IsWhiteSpace(text[i + 1])))
            {
                words.Add(new TextSpan(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < span.End)
        {
            words.Add(new TextSpan(start, span.End - start));
        }

        return words;
    }

    /// <summary>Halves at a text-element boundary; recursion makes the halves as small as needed.</summary>
    static List<TextSpan> TextElementHalves(string text, TextSpan span)
    {
        var starts = StringInfo.ParseCombiningCharacters(span.Of(text));
        if (starts.Length < 2)
        {
            return [span];
        }

        var middle = span.Start + starts[starts.Length / 2];
        return [new TextSpan(span.Start, middle - span.Start), new TextSpan(middle, span.End - middle)];
    }
}
