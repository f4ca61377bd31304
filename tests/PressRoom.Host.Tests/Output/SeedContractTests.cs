using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;
using PressRoom.Tests.Integration;

namespace PressRoom.Tests.Output;

/// <summary>The seed release (and a rejected upload) through the real runtime: every row, blob, event and API answer against the documented contract.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class SeedContractTests
{
    static readonly string[] UnnamedCategories = ["DateTime", "Quantity", "PhoneNumber", "Email", "URL", "IP"];

    [Fact]
    public async Task Seed_and_rejected_upload_produce_exactly_the_documented_rows_blobs_events_and_api_json()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString);
        var storage = runtime.Storage;
        using var api = new ApiClient(runtime.Url, key: null);

        var (status, accepted) = await api.UploadAsync("بيانات/seed release.txt", await File.ReadAllBytesAsync(RepoPaths.SeedRelease));
        Assert.Equal(202, status);
        var releaseId = accepted.GetProperty("releaseId").GetString()!;
        Assert.Equal("releases/seed release.txt", accepted.GetProperty("blob").GetString());
        var (rejectedStatus, rejectedBody) = await api.UploadAsync("broken.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0xFE]);
        Assert.Equal(202, rejectedStatus);
        var rejectedId = rejectedBody.GetProperty("releaseId").GetString()!;

        var rows = await ReleaseAssertions.WaitForFinalRowsAsync(storage, [releaseId, rejectedId], TimeSpan.FromMinutes(2));
        Assert.Equal(2, rows.Count);
        Assert.Equal("Completed", rows.Single(r => r.RowKey == releaseId).GetString("Status"));
        var rejectedRow = rows.Single(r => r.RowKey == rejectedId);
        Assert.Equal("Rejected", rejectedRow.GetString("Status"));
        Assert.Contains(rejectedRow.GetString("ReasonCode"), new[] { "UnsupportedFormat", "DecodingFailed" });

        // Tables: every column documented with its type.
        OutputContract.AssertRowsMatch(StorageNames.ReleasesTable, await OutputContract.RowsAsync(storage.ReleasesTable));
        var timeRows = await OutputContract.RowsAsync(storage.ReleasesByTimeTable);
        OutputContract.AssertRowsMatch(StorageNames.ReleasesByTimeTable, timeRows);
        Assert.Equal(2, timeRows.Count(r => r.PartitionKey != ReleaseRows.BucketsPartition));
        Assert.Single(timeRows, r => r.PartitionKey == ReleaseRows.BucketsPartition);
        OutputContract.AssertRowsMatch(StorageNames.ReleaseEventLogTable, await OutputContract.RowsAsync(storage.EventLogTable));

        var record = JsonSerializer.Deserialize<ReleaseRecord>(await ReadBlobAsync(storage, $"{releaseId}/release.json"), PressRoomJson.Options)!;
        var entityCount = record.Entities.Values.Sum(l => l.Count);
        var entityRows = await OutputContract.RowsAsync(storage.EntitiesTable);
        // One row per distinct entity and language; the rows' mention counts add up to every mention in release.json.
        Assert.Equal(record.Entities.Values.Sum(l => l.Select(e => e.Key).Distinct().Count()), entityRows.Count);
        Assert.Equal(entityCount, entityRows.Sum(r => r.GetInt32("MentionCount") ?? 0));
        // The entity index lists named entities only: one row per distinct key; dates and numbers are not indexed.
        var indexRows = await OutputContract.RowsAsync(storage.EntityIndexTable);
        Assert.Equal(record.Entities.Values.SelectMany(l => l).Where(e => !UnnamedCategories.Contains(e.Category)).Select(e => e.Key).Distinct().Count(), indexRows.Count);
        Assert.DoesNotContain(indexRows, r => UnnamedCategories.Contains(r.GetString("Category")));
        Assert.Contains(record.Entities.Values.SelectMany(l => l), e => UnnamedCategories.Contains(e.Category));
        if (entityCount > 0)
        {
            OutputContract.AssertRowsMatch(StorageNames.ReleaseEntitiesTable, entityRows);
            OutputContract.AssertRowsMatch(StorageNames.EntityIndexTable, indexRows);

            // Keys as the contract gives them to readers: the key's shard, then the key's prefix and newest first.
            Assert.All(indexRows, r =>
            {
                var key = r.GetString("EntityKey");
                Assert.Equal(TableKeys.EntityIndexPartition(key), r.PartitionKey);
                Assert.Equal(TableKeys.EntityIndexRowKey(key, r.GetDateTimeOffset("ReceivedAt")!.Value, releaseId), r.RowKey);
            });
            Assert.InRange(indexRows.Select(r => r.PartitionKey).Distinct().Count(), 1, TableKeys.EntityIndexShards);
        }

        var named = record.Entities.Values.SelectMany(l => l).Where(e => !UnnamedCategories.Contains(e.Category)).ToList();
        var nameRows = await OutputContract.RowsAsync(storage.EntityNamesTable);
        Assert.Equal(named.Count > 0, nameRows.Count > 0);
        if (nameRows.Count > 0)
        {
            OutputContract.AssertRowsMatch(StorageNames.EntityNamesTable, nameRows);
        }

        // Blobs: only documented paths; the core ones exist; release.json validates for both outcomes.
        var patterns = OutputContract.BlobPatterns(releaseId);
        var blobs = new List<string>();
        await foreach (var blob in storage.ProcessedContainer.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{releaseId}/", CancellationToken.None))
        {
            blobs.Add(blob.Name);
        }

        Assert.All(blobs, b => Assert.True(patterns.Any(p => p.IsMatch(b)), $"Undocumented blob processed/{b}"));
        Assert.Contains($"{releaseId}/release.json", blobs);
        Assert.Contains($"{releaseId}/document.json", blobs);
        Assert.Contains($"{releaseId}/text.source.txt", blobs);
        OutputContract.AssertValidReleaseJson(await ReadBlobAsync(storage, $"{releaseId}/release.json"));
        OutputContract.AssertValidReleaseJson(await ReadBlobAsync(storage, $"{rejectedId}/release.json"));

        // Events: one per release, CloudEvents attributes, documented data fields.
        // Events are sent right after the final row is written: collect until both arrived.
        var events = await EventQueue.ReadAllAsync(storage);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); events.Count < 2 && DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            events.AddRange(await EventQueue.ReadAllAsync(storage));
        }

        Assert.Equal(2, events.Count);
        var dataFields = OutputContract.FieldsAfter("`data`:");
        foreach (var e in events)
        {
            foreach (var attribute in new[] { "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data" })
            {
                Assert.True(e.TryGetProperty(attribute, out _), $"event lacks {attribute}");
            }

            Assert.Equal($"{e.GetProperty("subject").GetString()}:{(e.GetProperty("type").GetString() == ReleaseEventTypes.Processed ? "processed" : "rejected")}", e.GetProperty("id").GetString());
            var fields = e.GetProperty("data").EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Equal(dataFields.OrderBy(f => f), fields.OrderBy(f => f));
        }

        Assert.Equal(ReleaseEventTypes.Rejected, events.Single(e => e.GetProperty("subject").GetString() == rejectedId).GetProperty("type").GetString());

        // The page-friendly detail.
        var (detailStatus, detail) = await api.GetJsonAsync($"/api/releases/{releaseId}");
        Assert.Equal(200, detailStatus);
        var seedText = (await File.ReadAllTextAsync(RepoPaths.SeedRelease)).Trim();
        Assert.Equal(seedText.Split('\n')[0].Trim(), detail.GetProperty("title").GetProperty("source").GetString());
        var source = detail.GetProperty("source");
        Assert.Equal(record.Paragraphs, source.GetProperty("paragraphs").GetArrayLength());
        var english = Assert.Single(detail.GetProperty("translations").EnumerateArray());
        Assert.Equal("Skipped", english.GetProperty("status").GetString());
        Assert.Equal("Skipped: no translation provider configured", english.GetProperty("reason").GetString());
        var (textStatus, text, contentType) = await api.GetTextAsync($"/api/releases/{releaseId}/text?lang=ar");
        Assert.Equal(200, textStatus);
        Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
        var paragraphs = source.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList();
        foreach (var entity in detail.GetProperty("entities").GetProperty("ar").EnumerateArray())
        {
            var offset = entity.GetProperty("offset").GetInt32();
            var length = entity.GetProperty("length").GetInt32();
            Assert.Equal(entity.GetProperty("text").GetString(), text.Substring(offset, length));
            if (entity.GetProperty("paragraph").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(entity.GetProperty("text").GetString(), paragraphs[entity.GetProperty("paragraph").GetInt32()].Substring(entity.GetProperty("paragraphOffset").GetInt32(), length));
            }
        }

        var (enStatus, _, _) = await api.GetTextAsync($"/api/releases/{releaseId}/text?lang=en");
        Assert.Equal(404, enStatus);
        var (rejectedDetailStatus, rejectedDetail) = await api.GetJsonAsync($"/api/releases/{rejectedId}");
        Assert.Equal(200, rejectedDetailStatus);
        Assert.Equal(rejectedRow.GetString("ReasonCode"), rejectedDetail.GetProperty("reasonCode").GetString());

        // End to end search: every person the provider found is found by its Arabic text and its English name.
        var searchable = named.Where(e => e.Category is "Person").ToList();
        Assert.Contains(searchable, e => e.Category == "Person");
        foreach (var entity in searchable)
        {
            foreach (var name in new[] { entity.Text, entity.English }.Where(n => !string.IsNullOrWhiteSpace(n) && NameNormalizer.Tokens(n).Count > 0))
            {
                var (searchStatus, found) = await api.GetJsonAsync($"/api/entities?q={Uri.EscapeDataString(name!)}&top=100");
                Assert.Equal(200, searchStatus);
                Assert.True(
                    found.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("key").GetString() == entity.Key),
                    $"search for '{name}' did not find {entity.Key}: {found}");
            }
        }

        Assert.Equal(named.Select(e => e.Key).Distinct().Count(), nameRows.Select(r => r.GetString("EntityKey")).Distinct().Count());
    }

    static async Task<string> ReadBlobAsync(PressRoomStorage storage, string path) =>
        Encoding.UTF8.GetString((await storage.ProcessedContainer.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray());
}
