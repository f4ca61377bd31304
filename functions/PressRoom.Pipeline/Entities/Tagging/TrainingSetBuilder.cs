using System.Text;
using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// One training sequence: flattened feature keys (token i owns Keys[Offsets[i]..Offsets[i+1]]) and gold tag indexes;
/// <paramref name="Document"/> indexes <see cref="TrainingSetBuilder.Documents"/> and <paramref name="First"/> is the
/// document token index of the sequence's first token (the document pass needs both).
/// </summary>
internal sealed record TrainingSequence(uint[] Keys, int[] Offsets, int[] Gold, int Document = 0, int First = 0);

/// <summary>A CoNLL chunk as the runtime sees it: sentences joined by line breaks, tokens by spaces, with character offsets per source token.</summary>
internal sealed record ConllChunk(string Text, int[] TokenStarts, int[] TokenEnds, List<TypedSpan> Gold)
{
    /// <summary>Sentences per chunk where the file marks no documents (ANERcorp): long enough for document context, short enough to stay local.</summary>
    public const int MaxSentences = 50;

    /// <summary>Groups sentences by document (at most <see cref="MaxSentences"/> each) and lays them out as text.</summary>
    public static List<ConllChunk> From(IReadOnlyList<ConllSentence> sentences, IReadOnlySet<string> types)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var chunks = new List<ConllChunk>();
        var i = 0;
        while (i < sentences.Count)
        {
            var end = i + 1;
            while (end < sentences.Count && end - i < MaxSentences && sentences[end].Document == sentences[i].Document)
            {
                end++;
            }

            chunks.Add(Build(sentences, i, end, types));
            i = end;
        }

        return chunks;
    }

    static ConllChunk Build(IReadOnlyList<ConllSentence> sentences, int from, int to, IReadOnlySet<string> types)
    {
        var text = new StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        var gold = new List<TypedSpan>();
        for (var s = from; s < to; s++)
        {
            if (s > from)
            {
                text.Append('\n');
            }

            var sentence = sentences[s];
            gold.AddRange(ConllReader.Spans(sentence.Tags, types, starts.Count));
            for (var t = 0; t < sentence.Tokens.Count; t++)
            {
                if (t > 0)
                {
                    text.Append(' ');
                }

                starts.Add(text.Length);
                text.Append(sentence.Tokens[t]);
                ends.Add(text.Length);
            }
        }

        return new ConllChunk(text.ToString(), [.. starts], [.. ends], gold);
    }
}

/// <summary>
/// Turns CoNLL sentences into training sequences over the RUNTIME tokenization: the chunk text is tokenized by the
/// extractor's own tokenizer and each runtime token takes the label of the gold span its first character falls in.
/// </summary>
internal sealed class TrainingSetBuilder(BuiltinLexicon lexicon, TagSet tags)
{
    readonly FeatureExtractor _features = new();
    readonly FeatureBuffer _buffer = new();

    /// <summary>Stem keys per token of each document (chunk) added so far, for the document pass.</summary>
    public List<ulong[]> Documents { get; } = [];

    public void Add(IReadOnlyList<ConllSentence> sentences, string language, IReadOnlySet<string> types, List<TrainingSequence> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var segments = new List<(int Start, int End)>();
        foreach (var chunk in ConllChunk.From(sentences, types))
        {
            // Character → gold span index, then each runtime token's label from its first character.
            var spanAt = new int[chunk.Text.Length];
            Array.Fill(spanAt, -1);
            for (var g = 0; g < chunk.Gold.Count; g++)
            {
                var span = chunk.Gold[g];
                Array.Fill(spanAt, g, chunk.TokenStarts[span.Start], chunk.TokenEnds[span.End - 1] - chunk.TokenStarts[span.Start]);
            }

            var ctx = new DocumentContext(chunk.Text, language, null, lexicon);
            var document = Documents.Count;
            Documents.Add(DocumentFeatures.Stems(ctx));
            Segmenter.Split(ctx.Tokens, segments);
            foreach (var (start, end) in segments)
            {
                var gold = new int[end - start];
                var previous = -1;
                for (var i = start; i < end; i++)
                {
                    var g = spanAt[ctx.Tokens[i].Start];
                    gold[i - start] = g < 0 ? tags.Outside : tags.IndexOf((g == previous ? "I-" : "B-") + chunk.Gold[g].Type);
                    previous = g;
                }

                _features.Extract(ctx, start, end, _buffer);
                output.Add(new TrainingSequence(_buffer.ToKeys(), _buffer.ToOffsets(), gold, document, start));
            }
        }
    }
}
