using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>
/// The linear-chain CRF trainer: forward-backward against brute-force enumeration of every allowed path, the
/// analytic gradient against finite differences, L-BFGS on Rosenbrock's function, and CRF training end to end.
/// </summary>
public sealed class CrfTrainerTests
{
    static readonly TagSet Tags = new(TagSet.Default);

    static double[] Random(int count, int seed, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();
    }

    /// <summary>Every tag sequence of length n that the BIO constraint allows, with its score.</summary>
    static List<(int[] Path, double Score)> AllPaths(double[] emissions, int n, double[] transitions)
    {
        var t = Tags.Count;
        var paths = new List<(int[], double)>();
        var path = new int[n];
        void Walk(int i, double score)
        {
            if (i == n)
            {
                paths.Add(((int[])path.Clone(), score));
                return;
            }

            var prev = i == 0 ? -1 : path[i - 1];
            for (var c = 0; c < t; c++)
            {
                if (Tags.Allowed[(prev + 1) * t + c])
                {
                    path[i] = c;
                    Walk(i + 1, score + transitions[(prev + 1) * t + c] + emissions[i * t + c]);
                }
            }
        }

        Walk(0, 0);
        return paths;
    }

    [Fact]
    public void Forward_backward_marginals_sum_to_one_and_match_brute_force_enumeration()
    {
        const int n = 4;
        var t = Tags.Count;
        var emissions = Random(n * t, 1, 10);
        var transitions = Random((t + 1) * t, 2, 2);
        var fb = new ForwardBackward();
        var logZ = fb.Run(emissions, n, transitions, Tags.Allowed, t);

        var paths = AllPaths(emissions, n, transitions);
        Assert.True(paths.Count < Math.Pow(t, n), "the BIO constraint removes paths");
        var z = paths.Sum(p => Math.Exp(p.Score));
        Assert.Equal(Math.Log(z), logZ, 9);

        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var c = 0; c < t; c++)
            {
                var expected = paths.Where(p => p.Path[i] == c).Sum(p => Math.Exp(p.Score)) / z;
                Assert.Equal(expected, fb.Node(i, c), 9);
                sum += fb.Node(i, c);
            }

            Assert.Equal(1.0, sum, 9);
        }

        // Edge marginals of one position, including a forbidden edge (O → I-PER) that must get nothing.
        const int at = 2;
        var edgeSum = 0.0;
        for (var p = 0; p < t; p++)
        {
            for (var c = 0; c < t; c++)
            {
                var e = (p + 1) * t + c;
                var expected = paths.Where(x => x.Path[at - 1] == p && x.Path[at] == c).Sum(x => Math.Exp(x.Score)) / z;
                var actual = Tags.Allowed[e] ? fb.Edge(at, p, c) : 0;
                Assert.Equal(expected, actual, 9);
                edgeSum += actual;
            }
        }

        Assert.Equal(1.0, edgeSum, 9);
        Assert.DoesNotContain(paths, x => x.Path[at - 1] == Tags.Outside && x.Path[at] == Tags.IndexOf("I-PER"));
    }

    [Fact]
    public void Gradient_of_the_regularized_likelihood_matches_finite_differences()
    {
        var data = ToyLanguage.Data().Take(6).ToList();
        var (keys, rows) = TrainedWeights.Index(data, 1);
        var objective = new CrfObjective(data, rows, keys.Count, Tags, 0.5);
        var theta = Random(objective.Dimension, 3, 0.5);
        var gradient = new double[objective.Dimension];
        var value = objective.Evaluate(theta, gradient);
        Assert.True(value > 0);

        // Central differences on a spread of coordinates: emission weights of several features and tags, and transitions.
        var scratch = new double[objective.Dimension];
        const double h = 1e-5;
        var coordinates = Enumerable.Range(0, 40).Select(k => k * 7919 % objective.Dimension).Append(objective.Dimension - 1).Append(keys.Count * Tags.Count + 3);
        foreach (var i in coordinates)
        {
            var saved = theta[i];
            theta[i] = saved + h;
            var plus = objective.Evaluate(theta, scratch);
            theta[i] = saved - h;
            var minus = objective.Evaluate(theta, scratch);
            theta[i] = saved;
            var numeric = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) < 1e-5 * Math.Max(1, Math.Abs(numeric)), $"θ[{i}]: analytic {gradient[i]}, numeric {numeric}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Lbfgs_finds_the_minimum_of_the_Rosenbrock_function(int dimension)
    {
        // Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1); start at the classic (−1.2, 1, …).
        static double Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
        {
            g.Clear();
            double f = 0;
            for (var i = 0; i < x.Length - 1; i++)
            {
                var a = x[i + 1] - x[i] * x[i];
                var b = 1 - x[i];
                f += 100 * a * a + b * b;
                g[i] += -400 * a * x[i] - 2 * b;
                g[i + 1] += 200 * a;
            }

            return f;
        }

        var x = Enumerable.Range(0, dimension).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var result = new Lbfgs(new LbfgsOptions { MaxIterations = 500, GradientTolerance = 1e-8, RelativeImprovement = 0 }).Minimize(Rosenbrock, x);
        Assert.True(result.Value < 1e-10, $"f = {result.Value} ({result.Stop} after {result.Iterations} iterations)");
        Assert.All(x, v => Assert.Equal(1.0, v, 4));
    }

    [Fact]
    public void Lbfgs_minimizes_a_quadratic_in_few_iterations()
    {
        // f = Σ k·(x_k − k)²: an ill-conditioned bowl (curvatures 2…40); L-BFGS needs far fewer steps than the dimension squared.
        static double Bowl(ReadOnlySpan<double> x, Span<double> g)
        {
            double f = 0;
            for (var k = 0; k < x.Length; k++)
            {
                var d = x[k] - k;
                f += (k + 1) * d * d;
                g[k] = 2 * (k + 1) * d;
            }

            return f;
        }

        var x = new double[20];
        var result = new Lbfgs(new LbfgsOptions { MaxIterations = 100, GradientTolerance = 1e-9, RelativeImprovement = 0 }).Minimize(Bowl, x);
        Assert.Equal("gradient", result.Stop);
        Assert.True(result.Iterations < 60, $"{result.Iterations} iterations");
        for (var k = 0; k < x.Length; k++)
        {
            Assert.Equal(k, x[k], 6);
        }
    }

    [Fact]
    public void Crf_learns_the_synthetic_task_including_unseen_names()
    {
        var options = new TrainerOptions { Trainer = TrainerKind.Crf, MinFeatureCount = 1, L2 = 0.1, Iterations = 100 };
        var model = TrainedWeights.Trainer(options).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        Assert.IsType<CrfTrainer>(TrainedWeights.Trainer(options));

        var unseen = ToyLanguage.Sequence("yesterday", "mr", "kamal", "nabil", "arrived", "in", "rabat");
        Assert.Equal(unseen.Gold, ToyLanguage.Decode(model, unseen));
        Assert.StartsWith("ner-xx-", model.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Crf_training_is_deterministic_and_stronger_regularization_gives_smaller_weights()
    {
        var options = new TrainerOptions { Trainer = TrainerKind.Crf, MinFeatureCount = 1, L2 = 0.1, Iterations = 60 };
        var a = new CrfTrainer(options).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        var b = new CrfTrainer(options).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Equal(a.Weights.ToArray(), b.Weights.ToArray());
        Assert.Equal(a.Transitions, b.Transitions);

        var strong = new CrfTrainer(options with { L2 = 10 }).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        Assert.True(Norm(strong) < Norm(a), $"C = 10: {Norm(strong)}, C = 0.1: {Norm(a)}");
    }

    static double Norm(TaggerModel model)
    {
        double sum = 0;
        foreach (var w in model.Weights)
        {
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }
}
