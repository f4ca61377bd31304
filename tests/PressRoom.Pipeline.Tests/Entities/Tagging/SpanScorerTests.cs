using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>CoNLL reading and strict span scoring: only type + exact boundaries count.</summary>
public sealed class SpanScorerTests
{
    [Fact]
    public void Strict_scoring_counts_only_exact_typed_spans()
    {
        var scorer = new SpanScorer(["PER", "LOC", "ORG"]);
        scorer.Add(
            [new("PER", 0, 2), new("LOC", 5, 6), new("ORG", 8, 11)],
            [new("PER", 0, 2), new("LOC", 5, 7), new("PER", 8, 11), new("MISC", 12, 13)]);
        var report = scorer.Report();

        Assert.Equal(new SpanScore("PER", 1, 2, 1), report["PER"]);
        Assert.Equal(new SpanScore("LOC", 1, 1, 0), report["LOC"]);
        Assert.Equal(new SpanScore("ORG", 1, 0, 0), report["ORG"]);
        Assert.Equal(3, report.Micro.Gold);
        Assert.Equal(3, report.Micro.Predicted);
        Assert.Equal(1, report.Micro.Correct);
        Assert.Equal(1 / 3.0, report.Micro.F1, 6);
        Assert.Equal(0, report["ORG"].F1);
    }

    [Fact]
    public void Reader_repairs_orphan_I_tags_and_keeps_documents()
    {
        var sentences = ConllReader.Read(new StringReader("# doc: d1\nJohn\tI-PER\nSmith\tI-PER\nin\tO\nNew\tB-LOC\nYork\tI-ORG\n\nHi\tO\n"));
        Assert.Equal(2, sentences.Count);
        Assert.Equal("d1", sentences[0].Document);
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC", "B-ORG"], sentences[0].Tags);
        Assert.Equal([new TypedSpan("PER", 0, 2), new TypedSpan("LOC", 3, 4)], ConllReader.Spans(sentences[0].Tags, new HashSet<string> { "PER", "LOC" }));
        Assert.Throws<FormatException>(() => ConllReader.Read(new StringReader("no tab here\n")));
    }

    [Fact]
    public void Extractor_entities_map_to_the_source_tokens_they_overlap()
    {
        // "والعراق" is one CoNLL token; the extractor reports "العراق" after the conjunction: same token span.
        var chunk = ConllChunk.From([new ConllSentence(["زار", "الوزير", "والعراق", "أمس"], ["O", "O", "B-LOC", "O"], null)], new HashSet<string> { "LOC" })[0];
        var offset = chunk.Text.IndexOf("العراق", StringComparison.Ordinal);
        var entities = new[]
        {
            new ExtractedEntity { Category = "Location", Text = "العراق", Offset = offset, Length = 6, Key = "location:iraq" },
            new ExtractedEntity { Category = "DateTime", Text = "أمس", Offset = chunk.Text.Length - 3, Length = 3, Key = "d" },
        };
        Assert.Equal([new TypedSpan("LOC", 2, 3)], ConllEvaluator.Predicted(chunk, entities));
    }
}
