using System.Diagnostics;
using System.Globalization;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Linear-chain CRF (Lafferty et al. 2001) on the perceptron's features, tags and model format: the weights minimize
/// the L2-regularized negative log-likelihood (<see cref="CrfObjective"/>) by L-BFGS (<see cref="Lbfgs"/>) from zero.
/// Why: a convex objective has one optimum, so the model depends on neither example order nor seeds (no ensemble
/// needed), and Viterbi decoding of the result is exactly the perceptron model's, so runtime cost is unchanged.
/// Deterministic: fixed feature order, fixed partitions of the gradient sum, no randomness.
/// </summary>
internal sealed class CrfTrainer(TrainerOptions options) : ISequenceTrainer
{
    public TaggerModel Train(IReadOnlyList<TrainingSequence> data, TagSet tags, string language, Func<string, string> describe, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(tags);
        var t = tags.Count;
        var (keys, rows) = TrainedWeights.Index(data, options.MinFeatureCount);
        var objective = new CrfObjective(data, rows, keys.Count, tags, options.L2);
        if (objective.Skipped > 0)
        {
            progress?.Invoke($"{objective.Skipped} sequences with a gold path outside BIO left out");
        }

        var theta = new double[objective.Dimension];
        var clock = Stopwatch.StartNew();
        var lbfgs = new Lbfgs(new LbfgsOptions { MaxIterations = options.Iterations });
        var result = lbfgs.Minimize(objective.Evaluate, theta, (iteration, value, gradient) =>
        {
            if (iteration % 10 == 0)
            {
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"L-BFGS {iteration}: objective {value:0.0}, |g| {gradient:0.00}, {clock.Elapsed.TotalSeconds:0} s"));
            }
        });
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"L-BFGS stopped ({result.Stop}) after {result.Iterations} iterations, {result.Evaluations} evaluations: objective {result.Value:0.0}, {keys.Count:N0} features, C = {options.L2}"));

        var w = new float[keys.Count * t];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = (float)theta[i];
        }

        var tw = new float[(t + 1) * t];
        for (var i = 0; i < tw.Length; i++)
        {
            tw[i] = (float)theta[w.Length + i];
        }

        return TrainedWeights.Assemble(keys, w, tw, tags, options.PruneBelow, language, describe);
    }
}
