using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;

namespace PressRoom.Tests.Entities;

/// <summary>Very large texts are read in paragraph-aligned chunks whose entities keep offsets into the whole text.</summary>
public sealed class ChunkedEntityExtractorTests
{
    const string Paragraph = "وقال سعادة السفير خالد العطية إن وزارة الخارجية في الدوحة ستعقد الاجتماع يوم 12 مارس 2025.\n\n";

    [Fact]
    public void Chunks_cover_the_text_end_to_end_and_end_at_paragraph_breaks()
    {
        var text = string.Concat(Enumerable.Repeat(Paragraph, 200));
        var chunks = ChunkedEntityExtractor.Chunks(text, 1_000).ToList();

        Assert.Equal(0, chunks[0].Start);
        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.Equal(pair.First.Start + pair.First.Length, pair.Second.Start));
        Assert.Equal(text.Length, chunks[^1].Start + chunks[^1].Length);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 1_000));
        Assert.All(chunks.SkipLast(1), c => Assert.EndsWith("\n\n", text.Substring(c.Start, c.Length), StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_without_breaks_is_still_cut_within_the_limit()
    {
        var text = new string('ب', 2_500);
        var chunks = ChunkedEntityExtractor.Chunks(text, 1_000).ToList();
        Assert.Equal([1_000, 1_000, 500], chunks.Select(c => c.Length));
    }

    [Fact]
    public async Task Entities_of_a_chunked_text_point_into_the_whole_text_and_match_the_unchunked_ones()
    {
        var builtin = new BuiltinEntityExtractor();
        var text = string.Concat(Enumerable.Repeat(Paragraph, 60));
        var whole = await builtin.ExtractAsync(new EntityRequest(text, "ar"), CancellationToken.None);
        var chunked = await new ChunkedEntityExtractor(builtin, 1_000).ExtractAsync(new EntityRequest(text, "ar"), CancellationToken.None);

        Assert.NotEmpty(chunked.Entities);
        Assert.All(chunked.Entities, e => Assert.Equal(e.Text, text.Substring(e.Offset, e.Length)));
        Assert.Equal(BuiltinEntityExtractor.ProviderName, chunked.Provider);
        Assert.Equal(whole.ModelVersion, chunked.ModelVersion);

        // Every paragraph stands on its own here, so the chunks find what the whole text finds, at the same places.
        Assert.Equal(whole.Entities.Select(e => (e.Offset, e.Length, e.Key)), chunked.Entities.Select(e => (e.Offset, e.Length, e.Key)));
    }

    [Fact]
    public async Task A_text_within_the_limit_goes_through_unchanged()
    {
        var builtin = new BuiltinEntityExtractor();
        var request = new EntityRequest(Paragraph, "ar");
        var direct = await builtin.ExtractAsync(request, CancellationToken.None);
        var chunked = await new ChunkedEntityExtractor(builtin, ChunkedEntityExtractor.DefaultMaxChunkCharacters).ExtractAsync(request, CancellationToken.None);
        Assert.Equal(direct.Entities.Select(e => (e.Offset, e.Length, e.Key, e.Category)), chunked.Entities.Select(e => (e.Offset, e.Length, e.Key, e.Category)));
    }
}
