using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Storage;

/// <summary>
/// The streamed patch of release.json: the copy equals the document with the fields replaced, added or left out, for
/// any read-buffer size (so every token boundary falls across a buffer edge somewhere).
/// </summary>
public class JsonTopLevelPatchTests
{
    static readonly DateTimeOffset WithdrawnAt = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    static string Document() => JsonSerializer.Serialize(
        new ReleaseRecord
        {
            ReleaseId = "doc-v1",
            DocumentId = "doc",
            SourceBlob = "a/\"quoted\" \\ name\u0001.txt",
            ContentSha256 = new string('a', 64),
            Status = ReleaseStatus.Completed,
            Title = "الحوار الاستراتيجي — «الرابع» ✓ 😀",
            LanguageConfidence = 0.987654321,
            Characters = 12_345,
            Supersedes = "doc-v0",
            Entities = new Dictionary<string, IReadOnlyList<ExtractedEntity>>
            {
                ["ar"] = [new ExtractedEntity { Category = "Person", Text = "فلاديمير فورونكوف", Offset = 1204, Length = 17, Key = "person:vladimir-voronkov", Confidence = 0.9, Attributes = new Dictionary<string, string> { ["honorific"] = "سعادة" } }],
                ["en"] = [],
            },
        },
        PressRoomJson.Options);

    static async Task<string> PatchAsync(string json, IReadOnlyDictionary<string, object?> replacements, IReadOnlySet<string> omit, int bufferBytes)
    {
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(json));
        using var destination = new MemoryStream();
        await JsonTopLevelPatch.CopyAsync(source, destination, replacements, omit, PressRoomJson.Options, CancellationToken.None, bufferBytes);
        return Encoding.UTF8.GetString(destination.ToArray());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(64 * 1024)]
    public async Task Replaced_and_added_fields_change_and_everything_else_is_copied_exactly(int bufferBytes)
    {
        var json = Document();
        var replacements = new Dictionary<string, object?>
        {
            ["status"] = ReleaseStatus.Withdrawn,
            ["supersedes"] = null,
            ["withdrawnAt"] = WithdrawnAt,
            ["entities"] = null, // an object value replaced as a whole
            ["addedField"] = "new",
        };

        var patched = await PatchAsync(json, replacements, FrozenSet<string>.Empty, bufferBytes);

        var expected = JsonNode.Parse(json)!.AsObject();
        expected["status"] = ReleaseStatus.Withdrawn;
        expected["supersedes"] = null;
        expected["withdrawnAt"] = JsonSerializer.SerializeToNode(WithdrawnAt, PressRoomJson.Options);
        expected["entities"] = null;
        expected["addedField"] = "new";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(patched)), patched);

        // Written like the serializer writes: readable Arabic, the same record back.
        Assert.Contains("الحوار الاستراتيجي", patched, StringComparison.Ordinal);
        var record = JsonSerializer.Deserialize<ReleaseRecord>(patched.Replace(",\"entities\":null", string.Empty, StringComparison.Ordinal), PressRoomJson.Options)!;
        Assert.Equal(ReleaseStatus.Withdrawn, record.Status);
        Assert.Equal(WithdrawnAt, record.WithdrawnAt);
        Assert.Null(record.Supersedes);
        Assert.Equal("a/\"quoted\" \\ name\u0001.txt", record.SourceBlob);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64 * 1024)]
    public async Task Nothing_to_change_copies_the_serializers_bytes_unchanged(int bufferBytes)
    {
        var json = Document();
        Assert.Equal(json, await PatchAsync(json, FrozenDictionary<string, object?>.Empty, FrozenSet<string>.Empty, bufferBytes));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64 * 1024)]
    public async Task An_omitted_field_is_left_out_whole(int bufferBytes)
    {
        var json = Document();
        var summary = await PatchAsync(json, FrozenDictionary<string, object?>.Empty, FrozenSet.Create("entities"), bufferBytes);

        var expected = JsonNode.Parse(json)!.AsObject();
        expected.Remove("entities");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(summary)), summary);
        Assert.Empty(JsonSerializer.Deserialize<ReleaseRecord>(summary, PressRoomJson.Options)!.Entities);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"status\":\"Completed\"")]
    public async Task A_document_that_is_not_one_object_is_refused(string json)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => PatchAsync(json, FrozenDictionary<string, object?>.Empty, FrozenSet<string>.Empty, 16));
    }
}
