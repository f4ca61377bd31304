using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>The model file round-trips exactly, refuses foreign files, and models load lazily, once, from any thread.</summary>
public sealed class TaggerModelTests
{
    static TaggerModel Small(string language = "ar")
    {
        var tags = TagSet.Default;
        var transitions = Enumerable.Range(0, (tags.Count + 1) * tags.Count).Select(i => i * 0.25f - 3).ToArray();
        uint[] keys = [3, 17, 4_000_000_000];
        var weights = Enumerable.Range(0, keys.Length * tags.Count).Select(i => (float)(Half)(i * 0.5f - 5)).ToArray();
        return new TaggerModel($"ner-{language}-1.test", language, "{\"epochs\":1}", tags, transitions, keys, weights);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(13)]
    [InlineData(17)]
    public void Emission_scores_are_the_sums_of_the_weights_of_the_features_a_token_has(int entityTypes)
    {
        // 1 + 2 × types tags: 3 and 17 take the plain loop, 9 and 13 the 8-wide sums with their overlap.
        string[] tags = ["O", .. Enumerable.Range(0, (entityTypes - 1) / 2).SelectMany(k => new[] { $"B-T{k}", $"I-T{k}" })];
        var t = tags.Length;
        uint[] keys = [5, 9, 40, 77, 1_000];
        var weights = Enumerable.Range(0, keys.Length * t).Select(i => (float)(Half)((i * 7 % 23) * 0.375f - 4)).ToArray();
        var model = new TaggerModel("ner-xx-1.test", "xx", "{}", tags, new float[(t + 1) * t], keys, weights);
        uint[][] tokens = [[5, 40, 1_000], [], [9, 12345, 77, 5], [31]];
        var features = new FeatureBuffer();
        foreach (var token in tokens)
        {
            foreach (var key in token)
            {
                features.Add(key);
            }

            features.EndToken();
        }

        var scores = Enumerable.Repeat(99f, tokens.Length * t).ToArray();
        model.Score(features, scores);

        for (var i = 0; i < tokens.Length; i++)
        {
            for (var c = 0; c < t; c++)
            {
                var expected = 0f;
                foreach (var key in tokens[i])
                {
                    var row = Array.IndexOf(keys, key);
                    expected += row < 0 ? 0 : weights[(row * t) + c];
                }

                Assert.Equal(expected, scores[(i * t) + c]);
            }
        }
    }

    [Fact]
    public void Model_file_round_trips_and_is_byte_identical_when_rewritten()
    {
        var model = Small();
        using var first = new MemoryStream();
        TaggerModelFormat.Write(model, first);
        var read = TaggerModelFormat.Read(new MemoryStream(first.ToArray()));

        Assert.Equal(model.Version, read.Version);
        Assert.Equal(model.Language, read.Language);
        Assert.Equal(model.Metadata, read.Metadata);
        Assert.Equal(model.Tags.Names, read.Tags.Names);
        Assert.Equal(model.Transitions, read.Transitions);
        Assert.Equal(model.Keys, read.Keys);
        Assert.Equal(model.Weights.ToArray(), read.Weights.ToArray());

        using var second = new MemoryStream();
        TaggerModelFormat.Write(read, second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void A_two_pass_model_round_trips_with_its_document_pass()
    {
        var first = Small();
        var pass2 = Small();
        var model = new TaggerModel(first.Version, first.Language, first.Metadata, first.Tags.Names, first.Transitions, [.. first.Keys], first.Weights.ToArray())
        {
            DocumentPass = new TaggerModel(first.Version, first.Language, first.Metadata, first.Tags.Names, pass2.Transitions.Select(t => -t).ToArray(), [5, 9], pass2.Weights[..(2 * pass2.Tags.Count)].ToArray()),
        };
        using var bytes = new MemoryStream();
        TaggerModelFormat.Write(model, bytes);
        var read = TaggerModelFormat.Read(new MemoryStream(bytes.ToArray()));

        Assert.NotNull(read.DocumentPass);
        Assert.Equal(model.DocumentPass!.Transitions, read.DocumentPass.Transitions);
        Assert.Equal(model.DocumentPass.Keys, read.DocumentPass.Keys);
        Assert.Equal(model.DocumentPass.Weights.ToArray(), read.DocumentPass.Weights.ToArray());
        Assert.Equal(model.Keys, read.Keys);
        Assert.Null(TaggerModelFormat.Read(new MemoryStream(Write(first))).DocumentPass);
    }

    static byte[] Write(TaggerModel model)
    {
        using var bytes = new MemoryStream();
        TaggerModelFormat.Write(model, bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_a_reason()
    {
        using var bytes = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(bytes, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("NOTAMODEL"u8);
        }

        var ex = Assert.Throws<InvalidDataException>(() => TaggerModelFormat.Read(new MemoryStream(bytes.ToArray())));
        Assert.Contains("magic", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_load_lazily_and_once_under_concurrent_first_use()
    {
        var loads = 0;
        var models = new TaggerModels(language =>
        {
            Interlocked.Increment(ref loads);
            Thread.Sleep(50);
            return Small(language);
        });

        Assert.False(models.IsLoaded("ar"));
        var seen = new System.Collections.Concurrent.ConcurrentBag<TaggerModel?>();
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => seen.Add(models.For("ar")));

        Assert.Equal(1, loads);
        Assert.True(models.IsLoaded("ar"));
        Assert.False(models.IsLoaded("en"));
        Assert.Single(seen.Distinct());
        Assert.Same(models.For("ar"), models.For("ar-SA"));
        Assert.Null(models.For("fr"));
    }

    [Fact]
    public void Embedded_models_exist_for_arabic_and_english_and_carry_their_training_recipe()
    {
        foreach (var language in new[] { "ar", "en" })
        {
            var model = TaggerModels.Default.For(language);
            Assert.NotNull(model);
            Assert.StartsWith($"ner-{language}-{TaggerModelFormat.FormatVersion}.", model.Version, StringComparison.Ordinal);
            Assert.Contains("\"corpora\"", model.Metadata, StringComparison.Ordinal);
            Assert.True(model.FeatureCount > 10_000);
        }
    }
}
