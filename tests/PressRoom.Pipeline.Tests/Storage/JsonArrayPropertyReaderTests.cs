using System.Text;
using System.Text.Json;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Storage;

/// <summary>
/// The streamed reader of one array property: it yields exactly the elements the serializer reads from the whole
/// document, for any read-buffer size (so every token and element falls across a buffer edge somewhere).
/// </summary>
public class JsonArrayPropertyReaderTests
{
    static readonly IReadOnlyList<ExtractedEntity> Mentions = Enumerable.Range(0, 40).Select(i => new ExtractedEntity
    {
        Category = i % 3 == 0 ? "Person" : "Date",
        Text = i % 2 == 0 ? $"فلاديمير «{i}» ✓ 😀" : $"\"quoted\" \\ {i}",
        Offset = i * 17,
        Length = 9,
        Key = $"key:{i % 7}",
        Confidence = 0.5 + (i / 100.0),
        Attributes = i % 5 == 0 ? new Dictionary<string, string> { ["note"] = new string('x', i * 3) } : null,
    }).ToList();

    static string Document() => JsonSerializer.Serialize(
        new { language = "ar", before = new { entities = new[] { 1, 2 }, nested = new[] { new[] { 3 } } }, entities = Mentions, warnings = new[] { "w" } },
        PressRoomJson.Options);

    static async Task<List<ExtractedEntity>> ReadAsync(string json, string property, int bufferBytes)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var read = new List<ExtractedEntity>();
        await foreach (var e in JsonArrayPropertyReader.ReadAsync<ExtractedEntity>(source, property, PressRoomJson.Options, CancellationToken.None, bufferBytes))
        {
            read.Add(e);
        }

        return read;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(64 * 1024)]
    public async Task Yields_every_element_of_the_top_level_property_only(int bufferBytes)
    {
        var read = await ReadAsync(Document(), "entities", bufferBytes);

        Assert.Equal(
            JsonSerializer.Serialize(Mentions, PressRoomJson.Options),
            JsonSerializer.Serialize(read, PressRoomJson.Options));
    }

    [Theory]
    [InlineData("{\"entities\":[]}")]
    [InlineData("{\"entities\":null}")]
    [InlineData("{\"other\":[{\"a\":1}]}")]
    public async Task An_empty_null_or_missing_property_yields_nothing(string json)
    {
        Assert.Empty(await ReadAsync(json, "entities", 8));
    }

    [Theory]
    [InlineData("{\"entities\":[{\"category\":\"Person\"")]
    [InlineData("[1,2]")]
    [InlineData("{\"entities\":5}")]
    public async Task A_truncated_or_misshapen_document_is_an_error(string json)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => ReadAsync(json, "entities", 8));
    }
}
