using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>A toy tagging language for the trainers' tests: "mr" is followed by a two-word person, "in" by a one-word place, everything else is O.</summary>
internal static class ToyLanguage
{
    static readonly TagSet Tags = new(TagSet.Default);

    public static TrainingSequence Sequence(params string[] words)
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

    public static List<TrainingSequence> Data()
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

    public static int[] Decode(TaggerModel model, TrainingSequence seq)
    {
        var n = seq.Gold.Length;
        var t = model.Tags.Count;
        var scores = new float[n * t];
        var keys = model.Keys.ToList();
        for (var i = 0; i < n; i++)
        {
            for (var f = seq.Offsets[i]; f < seq.Offsets[i + 1]; f++)
            {
                var row = keys.BinarySearch(seq.Keys[f]);
                if (row >= 0)
                {
                    for (var c = 0; c < t; c++)
                    {
                        scores[i * t + c] += model.Weights[row * t + c];
                    }
                }
            }
        }

        var best = new int[n];
        new ViterbiDecoder().Decode(scores, n, model.Transitions, model.Tags, best);
        return best;
    }
}
