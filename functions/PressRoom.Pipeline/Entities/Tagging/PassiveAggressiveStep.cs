namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// PA-I update for the structured perceptron (Crammer et al. 2006): the whole sentence's feature difference Δφ
/// (gold path minus predicted path) is applied with step τ = min(C, loss / ‖Δφ‖²), loss = score(predicted) −
/// score(gold) + token mistakes. Why: a plain step of 1 lets one long, badly tagged sentence move the weights as much
/// as many short ones; PA sizes the step to just fix the margin. Keeps the averaging bookkeeping of the perceptron.
/// </summary>
internal sealed class PassiveAggressiveStep(float aggressiveness)
{
    readonly Dictionary<int, float> _emission = [];
    readonly Dictionary<int, float> _transition = [];
    double _stepSum;
    long _steps;

    /// <summary>Mean τ of the updates so far; the trainer divides the averaged weights by it so their scale matches the perceptron's unit steps (pruning and float16 storage assume that scale).</summary>
    public double MeanStep => _steps == 0 ? 1 : _stepSum / _steps;

    /// <summary>Updates w/tw (and the averaging sums u/tu at time c) for one decoded sentence; returns its token mistakes.</summary>
    public int Update(TrainingSequence seq, int[] feats, float[] emissions, int[] predicted, float[] w, double[] u, float[] tw, double[] tu, int t, long c)
    {
        var n = seq.Gold.Length;
        var mistakes = 0;
        double margin = 0;
        _emission.Clear();
        _transition.Clear();
        for (var i = 0; i < n; i++)
        {
            var gold = seq.Gold[i];
            var pred = predicted[i];
            var goldPrev = i == 0 ? -1 : seq.Gold[i - 1];
            var predPrev = i == 0 ? -1 : predicted[i - 1];
            margin += emissions[i * t + pred] - emissions[i * t + gold];
            margin += tw[(predPrev + 1) * t + pred] - tw[(goldPrev + 1) * t + gold];
            if (gold != pred)
            {
                mistakes++;
                for (var f = seq.Offsets[i]; f < seq.Offsets[i + 1]; f++)
                {
                    var r = feats[f];
                    if (r >= 0)
                    {
                        Add(_emission, r * t + gold, 1);
                        Add(_emission, r * t + pred, -1);
                    }
                }
            }

            if (gold != pred || goldPrev != predPrev)
            {
                Add(_transition, (goldPrev + 1) * t + gold, 1);
                Add(_transition, (predPrev + 1) * t + pred, -1);
            }
        }

        if (mistakes == 0)
        {
            return 0;
        }

        double norm = 0;
        foreach (var d in _emission.Values)
        {
            norm += d * d;
        }

        foreach (var d in _transition.Values)
        {
            norm += d * d;
        }

        if (norm <= 0)
        {
            return mistakes;
        }

        var tau = Math.Min(aggressiveness, Math.Max(0, margin + mistakes) / norm);
        _stepSum += tau;
        _steps++;
        foreach (var (index, d) in _emission)
        {
            w[index] += (float)(tau * d);
            u[index] += c * tau * d;
        }

        foreach (var (index, d) in _transition)
        {
            tw[index] += (float)(tau * d);
            tu[index] += c * tau * d;
        }

        return mistakes;
    }

    static void Add(Dictionary<int, float> delta, int index, float value) => delta[index] = delta.GetValueOrDefault(index) + value;
}
