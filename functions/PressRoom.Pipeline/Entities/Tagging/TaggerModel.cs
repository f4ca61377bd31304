using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        var vectors = Vector256.IsHardwareAccelerated && t is >= 8 and <= 16;
        for (var i = 0; i < features.Count; i++)
        {
            var row = scores.Slice(i * t, t);
            if (vectors)
            {
                ScoreInRegisters(features.Token(i), row);
            }
            else
            {
                ScoreInMemory(features.Token(i), row);
            }
        }
    }

    /// <summary>
    /// One token's row for 8–16 tags: two 8-wide sums, over tags [0, 8) and [T − 8, T) (they overlap when T &lt; 16;
    /// both hold the same sums there). Summing in registers instead of into the row is about 2.5× faster, because each
    /// key's add no longer waits for the previous key's stores; the sums, and so the decoded tags, are bit for bit the
    /// same as <see cref="ScoreInMemory"/>'s (same additions in the same order).
    /// </summary>
    void ScoreInRegisters(ReadOnlySpan<uint> keys, Span<float> row)
    {
        var t = row.Length;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        var low = Vector256<float>.Zero;
        var high = Vector256<float>.Zero;
        foreach (var key in keys)
        {
            var r = _table.Find(key);
            if (r < 0)
            {
                continue;
            }

            var at = (nuint)(r * t);
            low += Vector256.LoadUnsafe(ref weights, at);
            high += Vector256.LoadUnsafe(ref weights, at + (nuint)(t - 8));
        }

        high.CopyTo(row[(t - 8)..]);
        low.CopyTo(row);
    }

    void ScoreInMemory(ReadOnlySpan<uint> keys, Span<float> row)
    {
        row.Clear();
        foreach (var key in keys)
        {
            var r = _table.Find(key);
            if (r < 0)
            {
                continue;
            }

            var w = _weights.AsSpan(r * row.Length, row.Length);
            for (var c = 0; c < row.Length; c++)
            {
                row[c] += w[c];
            }
        }
    }
}
