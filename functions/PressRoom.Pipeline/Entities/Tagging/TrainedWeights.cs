using System.Numerics;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>A trainer of one tagging pass: training sequences in, a model with weights per (feature, tag) out.</summary>
internal interface ISequenceTrainer
{
    TaggerModel Train(IReadOnlyList<TrainingSequence> data, TagSet tags, string language, Func<string, string> describe, Action<string>? progress = null);
}

/// <summary>
/// What every trainer shares: the dense feature index built from the training data, and the model built from dense
/// weights (near-zero rows pruned, keys ascending, float16 rounding, version from the weights). Both are deterministic.
/// </summary>
internal static class TrainedWeights
{
    /// <summary>The trainer the options ask for.</summary>
    public static ISequenceTrainer Trainer(TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Trainer == TrainerKind.Crf ? new CrfTrainer(options) : new PerceptronTrainer(options);
    }

    /// <summary>
    /// Feature keys → dense rows, keeping those seen at least <paramref name="minCount"/> times (first-seen order:
    /// deterministic); each sequence's keys as row indexes, -1 for a dropped key.
    /// </summary>
    public static (List<uint> Keys, int[][] Rows) Index(IReadOnlyList<TrainingSequence> data, int minCount)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counts = new Dictionary<uint, int>();
        foreach (var seq in data)
        {
            foreach (var key in seq.Keys)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var index = new Dictionary<uint, int>();
        var keys = new List<uint>();
        foreach (var seq in data)
        {
            foreach (var key in seq.Keys)
            {
                if (counts[key] >= minCount && !index.ContainsKey(key))
                {
                    index[key] = keys.Count;
                    keys.Add(key);
                }
            }
        }

        counts.Clear();
        var rows = data.Select(seq => seq.Keys.Select(k => index.GetValueOrDefault(k, -1)).ToArray()).ToArray();
        return (keys, rows);
    }

    /// <summary>
    /// The emission scores of one sequence: <paramref name="emissions"/>[i·T + k] = the sum of
    /// <paramref name="weights"/>[r·T + k] over token i's dense feature rows r (a dropped key, -1, adds nothing).
    /// </summary>
    public static void SumEmissions<T>(Span<T> emissions, TrainingSequence seq, int[] rows, ReadOnlySpan<T> weights, int t)
        where T : INumberBase<T>
    {
        var n = seq.Gold.Length;
        emissions[..(n * t)].Clear();
        for (var i = 0; i < n; i++)
        {
            for (var f = seq.Offsets[i]; f < seq.Offsets[i + 1]; f++)
            {
                var r = rows[f];
                if (r < 0)
                {
                    continue;
                }

                for (var k = 0; k < t; k++)
                {
                    emissions[i * t + k] += weights[r * t + k];
                }
            }
        }
    }

    /// <summary>The model of dense weights <paramref name="w"/> (rows × T) and transitions <paramref name="tw"/> ((T + 1) × T).</summary>
    public static TaggerModel Assemble(IReadOnlyList<uint> keys, float[] w, float[] tw, TagSet tags, float pruneBelow, string language, Func<string, string> describe)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(describe);
        var t = tags.Count;

        // Prune near-zero rows, order by key.
        var kept = new List<(uint Key, int Row)>();
        for (var r = 0; r < keys.Count; r++)
        {
            var max = 0f;
            for (var k = 0; k < t; k++)
            {
                max = Math.Max(max, Math.Abs(w[r * t + k]));
            }

            if (max >= pruneBelow)
            {
                kept.Add((keys[r], r));
            }
        }

        kept.Sort((a, b) => a.Key.CompareTo(b.Key));
        var finalKeys = new uint[kept.Count];
        var finalWeights = new float[kept.Count * t];
        for (var i = 0; i < kept.Count; i++)
        {
            finalKeys[i] = kept[i].Key;
            for (var k = 0; k < t; k++)
            {
                // Stored as float16: round here so the in-memory model equals the file.
                finalWeights[i * t + k] = (float)(Half)w[kept[i].Row * t + k];
            }
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(finalWeights.AsSpan())))[..10];
        var version = $"ner-{language}-{TaggerModelFormat.FormatVersion}.{hash}";
        return new TaggerModel(version, language, describe(version), tags.Names, tw, finalKeys, finalWeights);
    }
}
