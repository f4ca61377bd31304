namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Forward-backward of a linear-chain CRF in log space over emission scores (n × T) and transition scores
/// ((T + 1) × T, row 0 = sentence start), restricted to the BIO transitions <see cref="TagSet.Allowed"/> permits,
/// the same path set <see cref="ViterbiDecoder"/> searches. Log space rather than scaling: sentences of up to 150
/// tokens with large scores stay exact. Buffers are reused by one owner.
/// </summary>
internal sealed class ForwardBackward
{
    double[] _alpha = new double[256];
    double[] _beta = new double[256];
    double[] _terms = new double[16];
    int _t;

    /// <summary>log Z of the last <see cref="Run"/>.</summary>
    public double LogPartition { get; private set; }

    /// <summary>Runs both passes; returns log Z, the log of the sum of exp(score) over every allowed path.</summary>
    public double Run(ReadOnlySpan<double> emissions, int n, ReadOnlySpan<double> transitions, bool[] allowed, int t)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        _t = t;
        if (_alpha.Length < n * t)
        {
            _alpha = new double[n * t * 2];
            _beta = new double[n * t * 2];
        }

        if (_terms.Length < t)
        {
            _terms = new double[t];
        }

        var terms = _terms.AsSpan(0, t);
        for (var c = 0; c < t; c++)
        {
            _alpha[c] = allowed[c] ? transitions[c] + emissions[c] : double.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var c = 0; c < t; c++)
            {
                for (var p = 0; p < t; p++)
                {
                    terms[p] = allowed[(p + 1) * t + c] ? _alpha[(i - 1) * t + p] + transitions[(p + 1) * t + c] : double.NegativeInfinity;
                }

                _alpha[i * t + c] = LogSumExp(terms) + emissions[i * t + c];
            }
        }

        for (var c = 0; c < t; c++)
        {
            _beta[(n - 1) * t + c] = 0;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            for (var p = 0; p < t; p++)
            {
                for (var c = 0; c < t; c++)
                {
                    terms[c] = allowed[(p + 1) * t + c] ? transitions[(p + 1) * t + c] + emissions[(i + 1) * t + c] + _beta[(i + 1) * t + c] : double.NegativeInfinity;
                }

                _beta[i * t + p] = LogSumExp(terms);
            }
        }

        LogPartition = LogSumExp(_alpha.AsSpan((n - 1) * t, t));
        return LogPartition;
    }

    /// <summary>P(y_i = c) after <see cref="Run"/>.</summary>
    public double Node(int i, int c) => Math.Exp(_alpha[i * _t + c] + _beta[i * _t + c] - LogPartition);

    /// <summary>P(y_{i−1} = p, y_i = c) for i ≥ 1 after <see cref="Run"/>; the caller passes the transition score and emission used.</summary>
    public double Edge(int i, int p, int c, double transition, double emission)
        => Math.Exp(_alpha[(i - 1) * _t + p] + transition + emission + _beta[i * _t + c] - LogPartition);

    /// <summary>The forward score α(i − 1, p), for callers that skip impossible edges cheaply.</summary>
    public double Alpha(int i, int c) => _alpha[i * _t + c];

    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
