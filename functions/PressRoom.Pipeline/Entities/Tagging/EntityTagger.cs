using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>A tagged entity over tokens [First, End) of the document context.</summary>
internal readonly record struct TaggedSpan(string Type, int First, int End);

/// <summary>
/// Runs a <see cref="TaggerModel"/> over a document: segments, features, emission scores, constrained Viterbi, spans.
/// A model with a <see cref="TaggerModel.DocumentPass"/> tags the whole document twice: the second pass also sees
/// the first pass's tags of the token, its neighbours and the other occurrences of its stem (<see cref="DocumentFeatures"/>).
/// </summary>
internal sealed class EntityTagger(TaggerModel model)
{
    readonly FeatureExtractor _features = new();
    readonly FeatureBuffer _buffer = new();
    readonly FeatureBuffer _stacked = new();
    readonly DocumentFeatures _document = new();
    readonly ViterbiDecoder _decoder = new();
    float[] _scores = new float[Segmenter.MaxTokens * 16];
    int[] _tags = new int[Segmenter.MaxTokens];

    public List<TaggedSpan> Tag(DocumentContext ctx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var spans = new List<TaggedSpan>();
        var segments = new List<(int Start, int End)>();
        Segmenter.Split(ctx.Tokens, segments);
        if (model.DocumentPass is not { } second)
        {
            foreach (var (start, end) in segments)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _features.Extract(ctx, start, end, _buffer);
                Decode(model, _buffer, start, spans);
            }

            return spans;
        }

        // First pass over the whole document, then the second with the first's tags as evidence. The second pass
        // extracts the features again: keeping them costs ~200 bytes a token, which for a long document is more
        // memory and garbage-collector work than extracting twice.
        var first = new int[ctx.Count];
        Array.Fill(first, model.Tags.Outside);
        foreach (var (start, end) in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _features.Extract(ctx, start, end, _buffer);
            Decode(model, _buffer, start, null);
            _tags.AsSpan(0, end - start).CopyTo(first.AsSpan(start));
        }

        var stems = DocumentFeatures.Stems(ctx);
        _document.Index(stems, first, model.Tags);
        foreach (var (start, end) in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _features.Extract(ctx, start, end, _buffer);
            _stacked.Clear();
            for (var k = 0; k < _buffer.Count; k++)
            {
                foreach (var key in _buffer.Token(k))
                {
                    _stacked.Add(key);
                }

                _document.Add(start + k, stems, first, _stacked);
                _stacked.EndToken();
            }

            Decode(second, _stacked, start, spans);
        }

        return spans;
    }

    /// <summary>Scores and decodes one segment into <c>_tags</c>; adds its spans when <paramref name="spans"/> is given.</summary>
    void Decode(TaggerModel m, FeatureBuffer features, int start, List<TaggedSpan>? spans)
    {
        var n = features.Count;
        var t = m.Tags.Count;
        if (_scores.Length < n * t)
        {
            _scores = new float[n * t];
            _tags = new int[n];
        }

        m.Score(features, _scores);
        _decoder.Decode(_scores, n, m.Transitions, m.Tags, _tags);
        if (spans is null)
        {
            return;
        }

        var names = m.Tags.Names;
        var i = 0;
        while (i < n)
        {
            var tag = names[_tags[i]];
            if (!tag.StartsWith("B-", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var e = i + 1;
            while (e < n && names[_tags[e]].StartsWith("I-", StringComparison.Ordinal))
            {
                e++;
            }

            spans.Add(new TaggedSpan(tag[2..], start + i, start + e));
            i = e;
        }
    }
}
