namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>Training settings; the defaults produce the committed models.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;
    public int Seed { get; init; } = 14;

    /// <summary>Features seen fewer times in training are dropped (they mostly memorise single sentences).</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>Rows whose averaged weights are all below this are left out of the model file.</summary>
    public float PruneBelow { get; init; } = 0.01f;

    /// <summary>
    /// Perceptrons trained with different shuffles (seeds Seed, Seed+1, …) whose averaged weights are averaged again:
    /// one model of the same size and speed, less sensitive to the order of the examples than any single run.
    /// </summary>
    public int Ensemble { get; init; } = 5;

    /// <summary>English: an upper-cased copy of every N-th training sentence (headline case; <see cref="HeadlineCopies"/>); 0 = none.</summary>
    public int UppercaseEvery { get; init; } = 3;

    /// <summary>Train the second, document-level pass too (<see cref="DocumentPassTrainer"/>).</summary>
    public bool DocumentPass { get; init; } = true;

    /// <summary>
    /// Aggressiveness C of a passive-aggressive (PA-I) sentence update instead of the plain perceptron step; 0 keeps
    /// the perceptron. PA-I scales each sentence's update by min(C, loss / ‖Δφ‖²), loss = score margin + token mistakes.
    /// </summary>
    public float PassiveAggressiveC { get; init; }

    /// <summary>The averaged perceptron (committed models) or a linear-chain CRF (<see cref="CrfTrainer"/>).</summary>
    public TrainerKind Trainer { get; init; } = TrainerKind.Perceptron;

    /// <summary>CRF: coefficient C of the L2 penalty C·‖θ‖²/2 added to the negative log-likelihood (0.3: best on ANERcorp and GUM dev, docs/entities.md).</summary>
    public double L2 { get; init; } = 0.3;

    /// <summary>CRF: the most L-BFGS iterations (it may stop sooner when the objective stops improving).</summary>
    public int Iterations { get; init; } = 150;
}

/// <summary>How a tagging pass is trained.</summary>
public enum TrainerKind
{
    Perceptron,
    Crf,
}

/// <summary>
/// Averaged structured perceptron (Collins 2002) over BIO tags with first-order transitions and constrained
/// Viterbi. Deterministic: a seeded shuffle per epoch, ordered iteration, keys written in ascending order.
/// Averaging uses the standard trick avg = w − u / c, so updates stay O(features) per mistake.
/// </summary>
internal sealed class PerceptronTrainer(TrainerOptions options) : ISequenceTrainer
{
    public TaggerModel Train(IReadOnlyList<TrainingSequence> data, TagSet tags, string language, Func<string, string> describe, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(describe);
        var t = tags.Count;

        var (keys, rows) = TrainedWeights.Index(data, options.MinFeatureCount);

        // Each member is trained from zero with its own shuffle; the model is the mean of the members' averaged weights.
        var members = Math.Max(1, options.Ensemble);
        var w = new float[keys.Count * t];
        var tw = new float[(t + 1) * t];
        for (var m = 0; m < members; m++)
        {
            var (mw, mtw) = TrainMember(data, rows, keys.Count, tags, options.Seed + m, line => progress?.Invoke(members > 1 ? $"member {m + 1}/{members}: {line}" : line));
            for (var i = 0; i < w.Length; i++)
            {
                w[i] += mw[i] / members;
            }

            for (var i = 0; i < tw.Length; i++)
            {
                tw[i] += mtw[i] / members;
            }
        }

        return TrainedWeights.Assemble(keys, w, tw, tags, options.PruneBelow, language, describe);
    }

    /// <summary>One averaged perceptron over the dense feature rows, shuffled by <paramref name="seed"/>: (emission, transition) weights.</summary>
    (float[] Weights, float[] Transitions) TrainMember(IReadOnlyList<TrainingSequence> data, int[][] rows, int features, TagSet tags, int seed, Action<string> progress)
    {
        var t = tags.Count;
        var w = new float[features * t];
        var u = new double[features * t];
        var tw = new float[(t + 1) * t];
        var tu = new double[(t + 1) * t];
        var decoder = new ViterbiDecoder();
        var emissions = new float[Segmenter.MaxTokens * 4 * t];
        var predicted = new int[Segmenter.MaxTokens * 4];
        var order = Enumerable.Range(0, data.Count).ToArray();
        var random = new Random(seed);
        long c = 1;
        var pa = options.PassiveAggressiveC > 0 ? new PassiveAggressiveStep(options.PassiveAggressiveC) : null;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var mistakes = 0;
            foreach (var s in order)
            {
                var seq = data[s];
                var feats = rows[s];
                var n = seq.Gold.Length;
                if (emissions.Length < n * t)
                {
                    emissions = new float[n * t * 2];
                    predicted = new int[n * 2];
                }

                TrainedWeights.SumEmissions<float>(emissions, seq, feats, w, t);

                decoder.Decode(emissions, n, tw, tags, predicted);
                if (options.PassiveAggressiveC > 0)
                {
                    mistakes += pa!.Update(seq, feats, emissions, predicted, w, u, tw, tu, t, c);
                    c++;
                    continue;
                }

                for (var i = 0; i < n; i++)
                {
                    var gold = seq.Gold[i];
                    var pred = predicted[i];
                    var goldPrev = i == 0 ? -1 : seq.Gold[i - 1];
                    var predPrev = i == 0 ? -1 : predicted[i - 1];
                    if (gold != pred)
                    {
                        mistakes++;
                        for (var f = seq.Offsets[i]; f < seq.Offsets[i + 1]; f++)
                        {
                            var r = feats[f];
                            if (r >= 0)
                            {
                                Update(w, u, r * t + gold, 1, c);
                                Update(w, u, r * t + pred, -1, c);
                            }
                        }
                    }

                    if (gold != pred || goldPrev != predPrev)
                    {
                        Update(tw, tu, (goldPrev + 1) * t + gold, 1, c);
                        Update(tw, tu, (predPrev + 1) * t + pred, -1, c);
                    }
                }

                c++;
            }

            progress($"epoch {epoch}/{options.Epochs}: {mistakes} token mistakes");
        }

        // Averaged weights: avg = w − u / c (PA: divided by the mean step, to the perceptron's scale).
        var scale = pa is null ? 1 : 1 / pa.MeanStep;
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)((w[i] - u[i] / c) * scale);
        }

        for (var i = 0; i < tw.Length; i++)
        {
            tw[i] = (float)((tw[i] - tu[i] / c) * scale);
        }

        return (w, tw);
    }

    static void Update(float[] w, double[] u, int index, int delta, long c)
    {
        w[index] += delta;
        u[index] += (double)c * delta;
    }
}
