namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// First-order Viterbi over emission scores (n × T) and transition scores ((T + 1) × T, row 0 = sentence start),
/// restricted to the BIO transitions <see cref="TagSet.Allowed"/> permits. Buffers are reused by one owner.
/// </summary>
internal sealed class ViterbiDecoder
{
    float[] _delta = new float[256];
    int[] _back = new int[256];

    public void Decode(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions, TagSet tags, Span<int> best)
    {
        var t = tags.Count;
        if (n == 0)
        {
            return;
        }

        if (_delta.Length < n * t)
        {
            _delta = new float[n * t * 2];
            _back = new int[n * t * 2];
        }

        var allowed = tags.Allowed;
        for (var c = 0; c < t; c++)
        {
            _delta[c] = allowed[c] ? transitions[c] + emissions[c] : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var c = 0; c < t; c++)
            {
                var bestScore = float.NegativeInfinity;
                var bestPrev = 0;
                for (var p = 0; p < t; p++)
                {
                    if (!allowed[(p + 1) * t + c])
                    {
                        continue;
                    }

                    var s = _delta[(i - 1) * t + p] + transitions[(p + 1) * t + c];
                    if (s > bestScore)
                    {
                        bestScore = s;
                        bestPrev = p;
                    }
                }

                _delta[i * t + c] = bestScore + emissions[i * t + c];
                _back[i * t + c] = bestPrev;
            }
        }

        var last = 0;
        for (var c = 1; c < t; c++)
        {
            if (_delta[(n - 1) * t + c] > _delta[(n - 1) * t + last])
            {
                last = c;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = last;
            last = _back[i * t + last];
        }
    }
}
