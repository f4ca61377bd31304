namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Forward-backward of a linear-chain CRF over emission scores (n × T) and transition scores ((T + 1) × T, row 0 =
/// sentence start), restricted to the BIO transitions <see cref="TagSet.Allowed"/> permits, the same path set
/// <see cref="ViterbiDecoder"/> searches. Scaled rather than in log space: potentials exp(score − max of the token)
/// and α, β renormalized per position (log Z = Σ max + Σ log scale), so it needs n·T exponentials instead of n·T²
/// and stays exact for sentences of up to 150 tokens. Buffers are reused by one owner.
/// </summary>
internal sealed class ForwardBackward
{
    double[] _alpha = new double[256];
    double[] _beta = new double[256];
    double[] _psi = new double[256];
    double[] _scale = new double[64];
    double[] _transitions = new double[100];
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
            _psi = new double[n * t * 2];
        }

        if (_scale.Length < n)
        {
            _scale = new double[n * 2];
        }

        if (_transitions.Length < (t + 1) * t)
        {
            _transitions = new double[(t + 1) * t];
        }

        // exp of the allowed transitions (0 = forbidden), exp of the emissions shifted by each token's maximum.
        for (var e = 0; e < (t + 1) * t; e++)
        {
            _transitions[e] = allowed[e] ? Math.Exp(transitions[e]) : 0;
        }

        double logZ = 0;
        for (var i = 0; i < n; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < t; c++)
            {
                max = Math.Max(max, emissions[i * t + c]);
            }

            for (var c = 0; c < t; c++)
            {
                _psi[i * t + c] = Math.Exp(emissions[i * t + c] - max);
            }

            logZ += max;
        }

        // Forward, normalized to sum 1 at every position.
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            for (var c = 0; c < t; c++)
            {
                double a;
                if (i == 0)
                {
                    a = _transitions[c];
                }
                else
                {
                    a = 0;
                    for (var p = 0; p < t; p++)
                    {
                        a += _alpha[(i - 1) * t + p] * _transitions[(p + 1) * t + c];
                    }
                }

                a *= _psi[i * t + c];
                _alpha[i * t + c] = a;
                sum += a;
            }

            _scale[i] = sum;
            for (var c = 0; c < t; c++)
            {
                _alpha[i * t + c] /= sum;
            }

            logZ += Math.Log(sum);
        }

        // Backward with the forward scales, so that α̂·β̂ is the node marginal.
        for (var c = 0; c < t; c++)
        {
            _beta[(n - 1) * t + c] = 1;
        }

        for (var i = n - 2; i >= 0; i--)
        {
            for (var p = 0; p < t; p++)
            {
                double b = 0;
                for (var c = 0; c < t; c++)
                {
                    b += _transitions[(p + 1) * t + c] * _psi[(i + 1) * t + c] * _beta[(i + 1) * t + c];
                }

                _beta[i * t + p] = b / _scale[i + 1];
            }
        }

        LogPartition = logZ;
        return logZ;
    }

    /// <summary>P(y_i = c) after <see cref="Run"/>.</summary>
    public double Node(int i, int c) => _alpha[i * _t + c] * _beta[i * _t + c];

    /// <summary>P(y_{i−1} = p, y_i = c) for i ≥ 1 after <see cref="Run"/> (0 for a forbidden transition).</summary>
    public double Edge(int i, int p, int c)
        => _alpha[(i - 1) * _t + p] * _transitions[(p + 1) * _t + c] * _psi[i * _t + c] * _beta[i * _t + c] / _scale[i];

    /// <summary>The scaled forward value α̂(i, c); 0 where no allowed path reaches tag c at position i.</summary>
    public double Alpha(int i, int c) => _alpha[i * _t + c];
}
