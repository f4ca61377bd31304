using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>The averaged perceptron learns a small synthetic BIO task, decodes it with constrained Viterbi and is deterministic.</summary>
public sealed class PerceptronTrainerTests
{
    static readonly TagSet Tags = new(TagSet.Default);

    // A toy language: "mr" is followed by a two-word person; "in" by a one-word location; everything else is O.
    static TrainingSequence Sequence(params string[] words)
    {
        var keys = new List<uint>();
        var offsets = new List<int> { 0 };
        var gold = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            keys.Add(FeatureHash.Key(1, FeatureHash.Of(words[i])));
            keys.Add(FeatureHash.Key(2, FeatureHash.Of(i > 0 ? words[i - 1] : "<s>")));
            keys.Add(FeatureHash.Key(3, FeatureHash.Of(i > 1 ? words[i - 2] : "<s>")));
            offsets.Add(keys.Count);
            var previous = i > 0 ? words[i - 1] : "";
            var before = i > 1 ? words[i - 2] : "";
            gold[i] = previous == "mr" ? Tags.IndexOf("B-PER") : before == "mr" ? Tags.IndexOf("I-PER") : previous == "in" ? Tags.IndexOf("B-LOC") : Tags.Outside;
        }

        return new TrainingSequence([.. keys], [.. offsets], gold);
    }

    static List<TrainingSequence> Data()
    {
        string[] names = ["ali", "sara", "omar", "lina", "zaid", "huda"];
        string[] places = ["doha", "cairo", "paris", "tunis"];
        var data = new List<TrainingSequence>();
        for (var i = 0; i < 40; i++)
        {
            data.Add(Sequence("today", "mr", names[i % names.Length], names[(i + 1) % names.Length], "spoke", "in", places[i % places.Length]));
            data.Add(Sequence("the", "meeting", "in", places[(i + 1) % places.Length], "ended"));
        }

        return data;
    }

    static int[] Decode(TaggerModel model, TrainingSequence seq)
    {
        var n = seq.Gold.Length;
        var scores = new float[n * model.Tags.Count];
        for (var i = 0; i < n; i++)
        {
            for (var f = seq.Offsets[i]; f < seq.Offsets[i + 1]; f++)
            {
                var row = model.Keys.ToList().BinarySearch(seq.Keys[f]);
                if (row >= 0)
                {
                    for (var t = 0; t < model.Tags.Count; t++)
                    {
                        scores[i * model.Tags.Count + t] += model.Weights[row * model.Tags.Count + t];
                    }
                }
            }
        }

        var best = new int[n];
        new ViterbiDecoder().Decode(scores, n, model.Transitions, model.Tags, best);
        return best;
    }

    [Fact]
    public void Learns_the_synthetic_task_including_unseen_names()
    {
        var model = new PerceptronTrainer(new TrainerOptions { Epochs = 5, MinFeatureCount = 1 }).Train(Data(), Tags, "xx", v => v);

        // "mr X Y" with names never seen in training: the context features carry it.
        var unseen = Sequence("yesterday", "mr", "kamal", "nabil", "arrived", "in", "rabat");
        Assert.Equal(unseen.Gold, Decode(model, unseen));
        Assert.StartsWith("ner-xx-", model.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var a = new PerceptronTrainer(new TrainerOptions { Epochs = 3, MinFeatureCount = 1 }).Train(Data(), Tags, "xx", v => v);
        var b = new PerceptronTrainer(new TrainerOptions { Epochs = 3, MinFeatureCount = 1 }).Train(Data(), Tags, "xx", v => v);
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Equal(a.Transitions, b.Transitions);
    }

    [Fact]
    public void Passive_aggressive_update_learns_the_task_deterministically_at_the_perceptron_scale()
    {
        var options = new TrainerOptions { Epochs = 5, MinFeatureCount = 1, PassiveAggressiveC = 1 };
        var model = new PerceptronTrainer(options).Train(Data(), Tags, "xx", v => v);
        var again = new PerceptronTrainer(options).Train(Data(), Tags, "xx", v => v);
        var perceptron = new PerceptronTrainer(options with { PassiveAggressiveC = 0 }).Train(Data(), Tags, "xx", v => v);

        var unseen = Sequence("yesterday", "mr", "kamal", "nabil", "arrived", "in", "rabat");
        Assert.Equal(unseen.Gold, Decode(model, unseen));
        Assert.Equal(model.Version, again.Version);

        // Different steps give different weights; the rescaling by the mean step keeps them on the perceptron's scale
        // (the 0.01 pruning threshold and float16 storage assume it): the largest weights are of the same order.
        Assert.NotEqual(perceptron.Version, model.Version);
        var largest = Largest(model);
        var reference = Largest(perceptron);
        Assert.InRange(largest, reference / 10, reference * 10);
    }

    static float Largest(TaggerModel model)
    {
        var max = 0f;
        foreach (var w in model.Weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        return max;
    }

    [Fact]
    public void Viterbi_never_starts_or_continues_an_entity_with_a_foreign_I_tag()
    {
        // Emissions that on their own prefer I-PER at the start and I-LOC after B-PER.
        var t = Tags.Count;
        var scores = new float[2 * t];
        scores[Tags.IndexOf("I-PER")] = 5;
        scores[Tags.IndexOf("B-PER")] = 4;
        scores[t + Tags.IndexOf("I-LOC")] = 5;
        scores[t + Tags.IndexOf("I-PER")] = 3;
        var best = new int[2];
        new ViterbiDecoder().Decode(scores, 2, new float[(t + 1) * t], Tags, best);
        Assert.Equal(["B-PER", "I-PER"], best.Select(b => Tags.Names[b]));
    }
}
