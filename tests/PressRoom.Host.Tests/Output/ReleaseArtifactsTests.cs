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
}
