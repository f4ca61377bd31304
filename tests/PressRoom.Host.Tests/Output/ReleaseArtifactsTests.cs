using System.Text;
using System.Text.Json;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>
/// Release blobs on real Azurite: text encoded block by block (exact UTF-8, no BOM), and a release.json larger than
/// one block patched in place as it streams and read as a summary without its entity lists.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReleaseArtifactsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(10)]
    [InlineData(2_900_000)] // Arabic letters are two UTF-8 bytes: about 5.5 MiB, so two 4 MiB blocks
    public async Task Text_is_stored_as_exact_utf8_without_a_bom(int letters)
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var artifacts = new ReleaseArtifacts(storage);
        var releaseId = $"artifacts-{Guid.NewGuid():N}";
        var text = string.Concat(Enumerable.Repeat("بيان", letters / 4 + 1))[..letters] + "\n end ✓ " + releaseId;

        await artifacts.WriteTextAsync(releaseId, ReleaseArtifacts.TextFile("source"), text, CancellationToken.None);

        var blob = storage.ProcessedContainer.GetBlobClient(ReleaseArtifacts.PathOf(releaseId, ReleaseArtifacts.TextFile("source")));
        var stored = (await blob.DownloadContentAsync()).Value;
        Assert.Equal(Encoding.UTF8.GetBytes(text), stored.Content.ToArray());
        Assert.Equal("text/plain; charset=utf-8", stored.Details.ContentType);
        Assert.Equal(text, await artifacts.TryReadTextAsync(releaseId, ReleaseArtifacts.TextFile("source"), CancellationToken.None));
    }

    [Fact]
    public async Task A_release_json_of_several_blocks_is_patched_in_place_and_summarized_without_its_entities()
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var artifacts = new ReleaseArtifacts(storage);
        var releaseId = $"patch-{Guid.NewGuid():N}";
        const int Mentions = 30_000; // about 7 MB of JSON: two staged blocks
        var entities = Enumerable.Range(0, Mentions).Select(i => new ExtractedEntity
        {
            Category = "Quantity", Text = $"{i:N0} شخص", Offset = i * 40, Length = 10, Key = $"quantity:{i}-people", Value = $"{i}", Confidence = 0.8,
            Attributes = new Dictionary<string, string> { ["unit"] = "شخص", ["note"] = new string('x', 120) },
        }).ToList();
        var record = new ReleaseRecord
        {
            ReleaseId = releaseId, DocumentId = "patch", SourceBlob = "patch.txt", ContentSha256 = new string('0', 64), Status = ReleaseStatus.Completed,
            Title = "عنوان", Entities = new Dictionary<string, IReadOnlyList<ExtractedEntity>> { ["ar"] = entities },
        };
        await artifacts.WriteJsonAsync(releaseId, ReleaseArtifacts.ReleaseFile, record, CancellationToken.None);
        var blob = storage.ProcessedContainer.GetBlobClient(ReleaseArtifacts.PathOf(releaseId, ReleaseArtifacts.ReleaseFile));
        Assert.True((await blob.GetPropertiesAsync()).Value.ContentLength > 4 * 1024 * 1024);

        var by = $"{releaseId}-next";
        Assert.True(await artifacts.TryPatchJsonAsync(releaseId, ReleaseArtifacts.ReleaseFile, new Dictionary<string, object?> { ["status"] = ReleaseStatus.Superseded, ["supersededBy"] = by }, CancellationToken.None));

        var patched = await artifacts.ReadJsonAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, CancellationToken.None);
        Assert.Equal(Mentions, patched.Entities["ar"].Count);
        Assert.Equal(
            JsonSerializer.Serialize(record with { Status = ReleaseStatus.Superseded, SupersededBy = by }, PressRoomJson.Options),
            JsonSerializer.Serialize(patched, PressRoomJson.Options));

        var summary = await artifacts.TryReadJsonWithoutAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, new HashSet<string> { "entities" }, CancellationToken.None);
        Assert.NotNull(summary);
        Assert.Empty(summary.Entities);
        Assert.Equal(ReleaseStatus.Superseded, summary.Status);
        Assert.Equal(by, summary.SupersededBy);

        // A release that has no release.json: nothing to patch, nothing to read.
        Assert.False(await artifacts.TryPatchJsonAsync($"{releaseId}-missing", ReleaseArtifacts.ReleaseFile, new Dictionary<string, object?> { ["status"] = "x" }, CancellationToken.None));
        Assert.Null(await artifacts.TryReadJsonWithoutAsync<ReleaseRecord>($"{releaseId}-missing", ReleaseArtifacts.ReleaseFile, new HashSet<string>(), CancellationToken.None));
    }

    [Fact]
    public async Task A_release_json_streamed_from_the_stored_entity_files_has_the_bytes_of_the_held_record()
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var artifacts = new ReleaseArtifacts(storage);
        var releaseId = $"stream-{Guid.NewGuid():N}";
        const int Mentions = 30_000; // about 7 MB of JSON: several read buffers and two staged blocks
        var arabic = Enumerable.Range(0, Mentions).Select(i => new ExtractedEntity
        {
            Category = i % 2 == 0 ? "Person" : "Quantity", Text = $"{i % 500:N0} «شخص» \\ ✓", Offset = i * 40, Length = 10, Key = $"k:{i % 500}", Value = $"{i}", Confidence = 0.8,
            Attributes = new Dictionary<string, string> { ["note"] = new string('x', i % 200) },
        }).ToList();
        IReadOnlyList<ExtractedEntity> english = [new ExtractedEntity { Category = "Person", Text = "Voronkov", Offset = 3, Length = 8, Key = "k:0", Confidence = 0.9 }];
        var held = new Dictionary<string, IReadOnlyList<ExtractedEntity>> { ["ar"] = arabic, ["en"] = english };
        var record = new ReleaseRecord
        {
            ReleaseId = releaseId, DocumentId = "stream", SourceBlob = "stream.txt", ContentSha256 = new string('0', 64), Status = ReleaseStatus.Completed,
            Title = "عنوان \"مقتبس\"", Entities = held, Paragraphs = 7, Supersedes = "older",
        };
        foreach (var (language, list) in held)
        {
            await artifacts.WriteJsonAsync(releaseId, ReleaseArtifacts.EntitiesFile(language), new EntityDocument(language, "builtin", list, ["w"]), CancellationToken.None);
        }

        await artifacts.WriteJsonAsync(releaseId, ReleaseArtifacts.ReleaseFile, record, CancellationToken.None);
        var blob = storage.ProcessedContainer.GetBlobClient(ReleaseArtifacts.PathOf(releaseId, ReleaseArtifacts.ReleaseFile));
        var expected = (await blob.DownloadContentAsync()).Value.Content.ToArray();

        var folds = new ReleaseEntityFolds(maxMentionOffsets: 4);
        var streamed = record with { Entities = new Dictionary<string, IReadOnlyList<ExtractedEntity>>(), StreamedEntityCount = Mentions + 1 };
        await artifacts.WriteReleaseJsonAsync(streamed, ReleaseMentions.Stored(artifacts, releaseId, ["ar", "en"], Mentions + 1), folds.Add, CancellationToken.None);

        var actual = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        Assert.True(expected.Length > 4 * 1024 * 1024);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "streamed release.json differs from the serialized record");

        // The single pass folded what the tables are built from: every mention, per language and the named ones.
        Assert.Equal(Mentions + 1, folds.Mentions);
        Assert.Equal(["ar", "en"], folds.ByLanguage.Select(l => l.Language));
        Assert.Equal(500, folds.ByLanguage[0].Fold.Count);
        Assert.Equal(Mentions, folds.ByLanguage[0].Fold.Mentions);
        Assert.Equal(Mentions / 2 + 1, folds.Named.Mentions);
        Assert.Equal(
            ReleaseRows.Entities(releaseId, "ar", arabic, 4).Select(r => (r.RowKey, r.EntityKey, r.MentionCount, r.MentionOffsets)),
            ReleaseRows.Entities(releaseId, "ar", folds.ByLanguage[0].Fold).Select(r => (r.RowKey, r.EntityKey, r.MentionCount, r.MentionOffsets)));
    }
}
