using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>A tagged entity over tokens [First, End) of the document context.</summary>
internal readonly record struct TaggedSpan(string Type, int First, int End);

/// <summary>Runs a <see cref="TaggerModel"/> over a document: segments, features, emission scores, constrained Viterbi, spans.</summary>
internal sealed class EntityTagger(TaggerModel model)
{
    readonly FeatureExtractor _features = new();
    readonly FeatureBuffer _buffer = new();
    readonly ViterbiDecoder _decoder = new();
    float[] _scores = new float[Segmenter.MaxTokens * 16];
    int[] _tags = new int[Segmenter.MaxTokens];

    public List<TaggedSpan> Tag(DocumentContext ctx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var spans = new List<TaggedSpan>();
        var segments = new List<(int Start, int End)>();
        Segmenter.Split(ctx.Tokens, segments);
        var names = model.Tags.Names;
        var t = model.Tags.Count;
        foreach (var (start, end) in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = end - start;
            if (_scores.Length < n * t)
            {
                _scores = new float[n * t];
                _tags = new int[n];
            }

            _features.Extract(ctx, start, end, _buffer);
            model.Score(_buffer, _scores);
            _decoder.Decode(_scores, n, model.Transitions, model.Tags, _tags);
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

        return spans;
    }
}
