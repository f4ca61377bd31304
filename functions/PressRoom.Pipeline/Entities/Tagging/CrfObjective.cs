namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// The L2-regularized negative log-likelihood of a linear-chain CRF over training sequences and its gradient.
/// Parameters θ = emission weights (rows × T, row r = dense feature r) followed by transitions ((T + 1) × T).
/// NLL = Σ_s (log Z_s − score(gold_s)) + C·‖θ‖²/2; ∂/∂θ = expected − observed feature counts + C·θ.
/// The sum over sentences runs in <see cref="Partitions"/> fixed, contiguous blocks in parallel, each into its own
/// gradient, added in block order afterwards: the result is the same bit for bit whatever the core count or timing,
/// which keeps <c>pressroom train</c> reproducible.
/// </summary>
internal sealed class CrfObjective
{
    /// <summary>Fixed (not the core count) so the floating-point summation order never depends on the machine.</summary>
    public const int Partitions = 4;

    readonly IReadOnlyList<TrainingSequence> _data;
    readonly int[][] _rows;
    readonly TagSet _tags;
    readonly double _l2;
    readonly (int From, int To)[] _blocks;
    readonly double[][] _gradients;
    readonly double[] _losses;

    public CrfObjective(IReadOnlyList<TrainingSequence> data, int[][] rows, int features, TagSet tags, double l2)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(tags);
        _tags = tags;
        _l2 = l2;
        var t = tags.Count;
        Features = features;
        Dimension = features * t + (t + 1) * t;

        // A gold path the BIO constraint forbids would have probability 0 (infinite loss); the builder never makes one.
        var usable = new List<int>();
        for (var s = 0; s < data.Count; s++)
        {
            if (ValidGold(data[s].Gold, tags))
            {
                usable.Add(s);
            }
        }

        Skipped = data.Count - usable.Count;
        _data = usable.Select(s => data[s]).ToList();
        _rows = usable.Select(s => rows[s]).ToArray();

        // Contiguous blocks of about equal token counts.
        var total = _data.Sum(d => (long)d.Gold.Length);
        _blocks = new (int, int)[Partitions];
        var start = 0;
        long seen = 0;
        for (var b = 0; b < Partitions; b++)
        {
            var end = start;
            var target = total * (b + 1) / Partitions;
            while (end < _data.Count && (b == Partitions - 1 || seen < target))
            {
                seen += _data[end].Gold.Length;
                end++;
            }

            _blocks[b] = (start, end);
            start = end;
        }

        _gradients = new double[Partitions][];
        _losses = new double[Partitions];
    }

    public int Features { get; }

    public int Dimension { get; }

    /// <summary>Sequences left out because their gold path breaks the BIO constraint.</summary>
    public int Skipped { get; }

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (theta.Length != Dimension || gradient.Length != Dimension)
        {
            throw new ArgumentException("Parameter vector of the wrong size.", nameof(theta));
        }

        var x = theta.ToArray();
        Parallel.For(0, Partitions, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(Partitions, Environment.ProcessorCount) }, b =>
        {
            var g = _gradients[b] ??= new double[Dimension];
            Array.Clear(g);
            _losses[b] = Block(x, g, _blocks[b].From, _blocks[b].To);
        });

        double loss = 0;
        gradient.Clear();
        for (var b = 0; b < Partitions; b++)
        {
            loss += _losses[b];
            var g = _gradients[b];
            for (var i = 0; i < Dimension; i++)
            {
                gradient[i] += g[i];
            }
        }

        double norm = 0;
        for (var i = 0; i < Dimension; i++)
        {
            norm += theta[i] * theta[i];
            gradient[i] += _l2 * theta[i];
        }

        return loss + _l2 * norm / 2;
    }

    /// <summary>NLL of sentences [from, to) and its gradient, added into <paramref name="g"/>.</summary>
    double Block(double[] x, double[] g, int from, int to)
    {
        var t = _tags.Count;
        var allowed = _tags.Allowed;
        var transitions = x.AsSpan(Features * t, (t + 1) * t);
        var transitionGradient = g.AsSpan(Features * t, (t + 1) * t);
        var fb = new ForwardBackward();
        var emissions = new double[Segmenter.MaxTokens * t];
        var marginal = new double[t];
        double loss = 0;
        for (var s = from; s < to; s++)
        {
            var seq = _data[s];
            var feats = _rows[s];
            var n = seq.Gold.Length;
            if (n == 0)
            {
                continue;
            }

            if (emissions.Length < n * t)
            {
                emissions = new double[n * t * 2];
            }

            TrainedWeights.SumEmissions<double>(emissions, seq, feats, x, t);

            var logZ = fb.Run(emissions, n, transitions, allowed, t);
            double gold = 0;
            for (var i = 0; i < n; i++)
            {
                var prev = i == 0 ? -1 : seq.Gold[i - 1];
                gold += emissions[i * t + seq.Gold[i]] + transitions[(prev + 1) * t + seq.Gold[i]];
            }

            loss += logZ - gold;

            // Expected minus observed counts: emissions per token and feature, transitions per edge.
            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < t; c++)
                {
                    marginal[c] = fb.Node(i, c);
                }

                marginal[seq.Gold[i]] -= 1;
                for (var f = seq.Offsets[i]; f < seq.Offsets[i + 1]; f++)
                {
                    var r = feats[f];
                    if (r < 0)
                    {
                        continue;
                    }

                    for (var k = 0; k < t; k++)
                    {
                        g[r * t + k] += marginal[k];
                    }
                }

                if (i == 0)
                {
                    for (var c = 0; c < t; c++)
                    {
                        transitionGradient[c] += marginal[c];
                    }

                    continue;
                }

                transitionGradient[(seq.Gold[i - 1] + 1) * t + seq.Gold[i]] -= 1;
                for (var p = 0; p < t; p++)
                {
                    if (fb.Alpha(i - 1, p) == 0)
                    {
                        continue;
                    }

                    for (var c = 0; c < t; c++)
                    {
                        var e = (p + 1) * t + c;
                        if (allowed[e])
                        {
                            transitionGradient[e] += fb.Edge(i, p, c);
                        }
                    }
                }
            }
        }

        return loss;
    }

    static bool ValidGold(int[] gold, TagSet tags)
    {
        for (var i = 0; i < gold.Length; i++)
        {
            var prev = i == 0 ? -1 : gold[i - 1];
            if (!tags.Allowed[(prev + 1) * tags.Count + gold[i]])
            {
                return false;
            }
        }

        return true;
    }
}
