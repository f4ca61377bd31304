using PressRoom.Pipeline.Entities.Builtin;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Scores the FULL builtin extractor (rules + tagger, exactly what <c>pressroom entities</c> returns) on a CoNLL file:
/// the sentences are laid out as text (<see cref="ConllChunk"/>), extracted, and each Person/Location/Organization
/// entity becomes the run of source tokens its characters overlap (an entity inside "والعراق" covers that token, as
/// the CoNLL annotation does). Strict: type, first and last token must all match a gold span.
/// </summary>
public static class ConllEvaluator
{
    public static readonly IReadOnlyList<string> Types = ["PER", "LOC", "ORG"];

    static readonly IReadOnlySet<string> TypeSet = new HashSet<string>(Types, StringComparer.Ordinal);

    /// <param name="errors">Receives each missed gold span ("-") and each wrong prediction ("+") as a line, when given.</param>
    public static SpanReport Evaluate(IReadOnlyList<ConllSentence> sentences, string language, BuiltinEntityExtractor extractor, Action<string>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var scorer = new SpanScorer(Types);
        foreach (var chunk in ConllChunk.From(sentences, TypeSet))
        {
            var entities = extractor.Extract(new EntityRequest(chunk.Text, language), cancellationToken);
            var predicted = Predicted(chunk, entities).ToList();
            scorer.Add(chunk.Gold, predicted);
            if (errors is not null)
            {
                foreach (var g in chunk.Gold.Except(predicted))
                {
                    errors($"- {g.Type}\t{Text(chunk, g)}\t| {Context(chunk, g)}");
                }

                foreach (var p in predicted.Except(chunk.Gold))
                {
                    errors($"+ {p.Type}\t{Text(chunk, p)}\t| {Context(chunk, p)}");
                }
            }
        }

        return scorer.Report();
    }

    internal static IEnumerable<TypedSpan> Predicted(ConllChunk chunk, IReadOnlyList<ExtractedEntity> entities)
    {
        foreach (var e in entities)
        {
            var type = e.Category switch
            {
                "Person" => "PER",
                "Location" => "LOC",
                "Organization" => "ORG",
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            // First token ending after the entity start, last token starting before its end.
            var first = LowerBound(chunk.TokenEnds, e.Offset + 1);
            var end = LowerBound(chunk.TokenStarts, e.Offset + e.Length);
            if (first < end)
            {
                yield return new TypedSpan(type, first, end);
            }
        }
    }

    static string Text(ConllChunk chunk, TypedSpan s) => chunk.Text[chunk.TokenStarts[s.Start]..chunk.TokenEnds[s.End - 1]];

    static string Context(ConllChunk chunk, TypedSpan s)
    {
        var from = chunk.TokenStarts[Math.Max(0, s.Start - 4)];
        var to = chunk.TokenEnds[Math.Min(chunk.TokenEnds.Length - 1, s.End + 3)];
        return chunk.Text[from..to].Replace('\n', ' ');
    }

    static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
