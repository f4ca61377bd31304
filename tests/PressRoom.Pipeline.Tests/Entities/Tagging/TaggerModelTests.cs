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
