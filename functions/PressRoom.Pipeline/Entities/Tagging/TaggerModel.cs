namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// A trained sequence tagger: averaged perceptron weights per (feature key, tag), BIO transition weights and the
/// metadata recorded at training. Immutable, so one instance serves every thread.
/// </summary>
internal sealed class TaggerModel
{
    readonly FeatureTable _table;
    readonly float[] _weights;

    public TaggerModel(string version, string language, string metadata, IReadOnlyList<string> tags, float[] transitions, IReadOnlyList<uint> keys, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(weights);
        Tags = new TagSet(tags);
        if (transitions.Length != (Tags.Count + 1) * Tags.Count || weights.Length != keys.Count * Tags.Count)
        {
            throw new ArgumentException("Weight arrays do not match the tag set and feature count.", nameof(weights));
        }

        Version = version;
        Language = language;
        Metadata = metadata;
        Transitions = transitions;
        Keys = keys;
        _weights = weights;
        _table = new FeatureTable(keys);
    }

    /// <summary>Identifies the weights ("ner-ar-1.3f9c…"); recorded with every release the model tagged.</summary>
    public string Version { get; }

    public string Language { get; }

    /// <summary>Training facts (corpora, epochs, seed, dev scores) as written by the trainer.</summary>
    public string Metadata { get; }

    public TagSet Tags { get; }

    public float[] Transitions { get; }

    public IReadOnlyList<uint> Keys { get; }

    public ReadOnlySpan<float> Weights => _weights;

    public int FeatureCount => Keys.Count;

    /// <summary>
    /// The second, document-level pass (same tags; its features add the first pass's tags, see <see cref="DocumentFeatures"/>),
    /// or null for a one-pass model.
    /// </summary>
    public TaggerModel? DocumentPass { get; init; }

    /// <summary>Approximate managed memory of the loaded model.</summary>
    public long Bytes => _table.Bytes + _weights.Length * 4L + Keys.Count * 4L + (DocumentPass?.Bytes ?? 0);

    /// <summary>Emission scores of the tokens in <paramref name="features"/> into <paramref name="scores"/> (Count × T).</summary>
    public void Score(FeatureBuffer features, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(features);
        var t = Tags.Count;
        scores[..(features.Count * t)].Clear();
        for (var i = 0; i < features.Count; i++)
        {
            var row = scores.Slice(i * t, t);
            foreach (var key in features.Token(i))
            {
                var r = _table.Find(key);
                if (r < 0)
                {
                    continue;
                }

                var w = _weights.AsSpan(r * t, t);
                for (var c = 0; c < t; c++)
                {
                    row[c] += w[c];
                }
            }
        }
    }
}
