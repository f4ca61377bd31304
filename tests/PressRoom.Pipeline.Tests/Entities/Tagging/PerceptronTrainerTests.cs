using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>The averaged perceptron learns a small synthetic BIO task, decodes it with constrained Viterbi and is deterministic.</summary>
public sealed class PerceptronTrainerTests
{
    static readonly TagSet Tags = new(TagSet.Default);

    [Fact]
    public void Learns_the_synthetic_task_including_unseen_names()
    {
        var model = new PerceptronTrainer(new TrainerOptions { Epochs = 5, MinFeatureCount = 1 }).Train(ToyLanguage.Data(), Tags, "xx", v => v);

        // "mr X Y" with names never seen in training: the context features carry it.
        var unseen = ToyLanguage.Sequence("yesterday", "mr", "kamal", "nabil", "arrived", "in", "rabat");
        Assert.Equal(unseen.Gold, ToyLanguage.Decode(model, unseen));
        Assert.StartsWith("ner-xx-", model.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var a = new PerceptronTrainer(new TrainerOptions { Epochs = 3, MinFeatureCount = 1 }).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        var b = new PerceptronTrainer(new TrainerOptions { Epochs = 3, MinFeatureCount = 1 }).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Equal(a.Transitions, b.Transitions);
    }

    [Fact]
    public void Passive_aggressive_update_learns_the_task_deterministically_at_the_perceptron_scale()
    {
        var options = new TrainerOptions { Epochs = 5, MinFeatureCount = 1, PassiveAggressiveC = 1 };
        var model = new PerceptronTrainer(options).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        var again = new PerceptronTrainer(options).Train(ToyLanguage.Data(), Tags, "xx", v => v);
        var perceptron = new PerceptronTrainer(options with { PassiveAggressiveC = 0 }).Train(ToyLanguage.Data(), Tags, "xx", v => v);

        var unseen = ToyLanguage.Sequence("yesterday", "mr", "kamal", "nabil", "arrived", "in", "rabat");
        Assert.Equal(unseen.Gold, ToyLanguage.Decode(model, unseen));
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
