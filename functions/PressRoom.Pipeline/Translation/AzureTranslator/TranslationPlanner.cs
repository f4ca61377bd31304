using PressRoom.Pipeline.AzureAI;

namespace PressRoom.Pipeline.Translation.AzureTranslator;

/// <summary>Translator v3 request limits: elements per request, and characters (code points) per request summed over all targets.</summary>
public sealed record TranslatorLimits(int MaxElements = 1_000, int MaxCharacters = 50_000)
{
    public static TranslatorLimits Default { get; } = new();
}

/// <summary>One array element sent to Translator: a whole paragraph or a run of its sentences.</summary>
/// <param name="Paragraph">Index of the paragraph it belongs to.</param>
/// <param name="SourceStart">UTF-16 offset of <paramref name="Source"/> in its paragraph.</param>
/// <param name="Marked">The text actually sent (glossary markup applied) and the way back to source offsets.</param>
public sealed record TranslationElement(int Paragraph, int SourceStart, string Source, MarkedText Marked, int CodePoints);

/// <summary>The elements of a release in order, grouped into requests that respect the limits.</summary>
public sealed record TranslationPlan(IReadOnlyList<TranslationElement> Elements, IReadOnlyList<Range> Requests, int Targets)
{
    /// <summary>Characters billed: every code point sent (markup included), once per target language.</summary>
    public long CharactersSent => Elements.Sum(e => (long)e.CodePoints) * Targets;
}

/// <summary>
/// Turns paragraphs into Translator requests: a paragraph is one element when it fits, otherwise it is cut between
/// sentences; elements are packed in order into as few requests as the limits allow.
/// </summary>
public sealed class TranslationPlanner(TextChunker chunker, TranslatorLimits? limits = null)
{
    readonly TranslatorLimits limits = limits ?? TranslatorLimits.Default;

    public TranslationPlan Plan(IReadOnlyList<string> paragraphs, TranslatorGlossary glossary, int targets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targets, 1);
        var elementBudget = limits.MaxCharacters / targets;
        var elements = new List<TranslationElement>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p];
            if (!string.IsNullOrWhiteSpace(paragraph))
            {
                AddPieces(p, paragraph, new TextSpan(0, paragraph.Length), elementBudget, elementBudget, glossary, elements);
            }
        }

        return new TranslationPlan(elements, Pack(elements, targets), targets);
    }

    void AddPieces(int paragraphIndex, string paragraph, TextSpan span, int budget, int elementBudget, TranslatorGlossary glossary, List<TranslationElement> elements)
    {
        var pieces = TextMeasure.CodePoints(paragraph, span.Start, span.Length) <= budget
            ? [span]
            : chunker.Chunk(paragraph, span, budget, TextMeasure.CodePoints);
        foreach (var piece in pieces)
        {
            var trimmed = Trim(paragraph, piece);
            if (trimmed.Length == 0)
            {
                continue;
            }

            var source = trimmed.Of(paragraph);
            var marked = glossary.Mark(source);
            var size = TextMeasure.CodePoints(marked.Text);
            if (size <= elementBudget || trimmed.Length <= 1)
            {
                elements.Add(new TranslationElement(paragraphIndex, trimmed.Start, source, marked, size));
                continue;
            }

            // Markup pushed it over: cut this piece smaller in proportion and try again.
            var smaller = Math.Max(2, (int)((long)budget * elementBudget / size) - 1);
            AddPieces(paragraphIndex, paragraph, trimmed, Math.Min(smaller, trimmed.Length - 1), elementBudget, glossary, elements);
        }
    }

    List<Range> Pack(List<TranslationElement> elements, int targets)
    {
        var requests = new List<Range>();
        var start = 0;
        long characters = 0;
        for (var i = 0; i < elements.Count; i++)
        {
            var count = i - start;
            if (count > 0 && (count + 1 > limits.MaxElements || (characters + elements[i].CodePoints) * targets > limits.MaxCharacters))
            {
                requests.Add(start..i);
                start = i;
                characters = 0;
            }

            characters += elements[i].CodePoints;
        }

        if (start < elements.Count)
        {
            requests.Add(start..elements.Count);
        }

        return requests;
    }

    static TextSpan Trim(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end - start);
    }
}
