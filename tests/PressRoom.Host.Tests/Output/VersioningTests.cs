using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>Versions of one blob name through the real runtime and watcher: same content, changed content, deletion, re-upload.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class VersioningTests
{
    const string BlobName = "versions/bayan.txt";
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Same_content_changes_nothing_changed_content_supersedes_deletion_withdraws_once()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString);
        var storage = runtime.Storage;
        var seed = await File.ReadAllTextAsync(RepoPaths.SeedRelease);
        var v1Content = Encoding.UTF8.GetBytes(seed);
        var v2Content = Encoding.UTF8.GetBytes(seed + "\n\nتصحيح: أضيفت هذه الفقرة في النسخة الثانية.\n");
        using var api = new ApiClient(runtime.Url, key: null);

        // Version 1.
        var v1 = await UploadAsync(storage, v1Content);
        await WaitForStatusAsync(storage, v1, ReleaseStatus.Completed);

        // The same bytes again: a new blob ETag, the same release; nothing changes.
        Assert.Equal(v1, await UploadAsync(storage, v1Content));
        await WaitForReceiptAsync(storage, v1);
        Assert.Single(await VersionRowsAsync(storage));
        Assert.Equal(1, await InstanceCountAsync(runtime.Client));

        // Version 2 supersedes version 1, which stays queryable.
        var v2 = await UploadAsync(storage, v2Content);
        Assert.NotEqual(v1, v2);
        await WaitForStatusAsync(storage, v2, ReleaseStatus.Completed);
        await WaitForStatusAsync(storage, v1, ReleaseStatus.Superseded);

        // The newest version learns what it supersedes right after the older one is marked.
        var deadline = DateTime.UtcNow + Timeout;
        while ((await VersionRowsAsync(storage)).Single(r => r.RowKey == v2).GetString("Supersedes") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var rows = await VersionRowsAsync(storage);
        Assert.Equal(2, rows.Count);
        var old = rows.Single(r => r.RowKey == v1);
        Assert.Equal(ReleaseStatus.Superseded, old.GetString("Status"));
        Assert.Equal(v2, old.GetString("SupersededBy"));
        Assert.Equal(v1, rows.Single(r => r.RowKey == v2).GetString("Supersedes"));
        var (status, detail) = await api.GetJsonAsync($"/api/releases/{v1}");
        Assert.Equal(200, status);
        Assert.Equal(ReleaseStatus.Superseded, detail.GetProperty("status").GetString());
        Assert.Equal(v2, detail.GetProperty("supersededBy").GetString());
        var v1Json = await ReadReleaseJsonAsync(storage, v1);
        OutputContract.AssertValidReleaseJson(v1Json);
        Assert.Contains("\"supersededBy\":\"" + v2 + "\"", v1Json, StringComparison.Ordinal);
        await AssertListedAsync(api, v1, ReleaseStatus.Superseded);

        // Deleting the blob withdraws version 2 (version 1 stays superseded) and emits one withdrawn event.
        await storage.ReleasesContainer.GetBlobClient(BlobName).DeleteAsync();
        await WaitForStatusAsync(storage, v2, ReleaseStatus.Withdrawn);
        await Task.Delay(TimeSpan.FromSeconds(2)); // several more polls of the watcher
        var withdrawnRow = (await VersionRowsAsync(storage)).Single(r => r.RowKey == v2);
        Assert.NotNull(withdrawnRow.GetDateTimeOffset("WithdrawnAt"));
        Assert.Equal(ReleaseStatus.Superseded, (await VersionRowsAsync(storage)).Single(r => r.RowKey == v1).GetString("Status"));
        OutputContract.AssertValidReleaseJson(await ReadReleaseJsonAsync(storage, v2));
        await AssertListedAsync(api, v2, ReleaseStatus.Withdrawn);
        var indexRows = await IndexRowsAsync(storage, v2);
        Assert.NotEmpty(indexRows);
        Assert.All(indexRows, r => Assert.Equal(ReleaseStatus.Withdrawn, r.GetString("Status")));

        // A repeated deletion notice (Event Grid redelivers) changes nothing and sends nothing.
        var again = await runtime.Services.GetRequiredService<ReleaseLifecycle>().WithdrawAsync(BlobName, CancellationToken.None);
        Assert.Equal([v2], again);

        var events = await EventQueue.ReadAllAsync(storage);
        var byType = events.GroupBy(e => (e.GetProperty("type").GetString(), e.GetProperty("subject").GetString())).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(3, events.Count);
        Assert.Single(byType[(ReleaseEventTypes.Processed, v1)]);
        var processed2 = Assert.Single(byType[(ReleaseEventTypes.Processed, v2)]);
        Assert.Equal(v1, processed2.GetProperty("data").GetProperty("supersedes").GetString());
        var withdrawn = Assert.Single(byType[(ReleaseEventTypes.Withdrawn, v2)]);
        Assert.Equal(ReleaseStatus.Withdrawn, withdrawn.GetProperty("data").GetProperty("status").GetString());

        // The same content uploaded again reinstates version 2, with one new processed event.
        Assert.Equal(v2, await UploadAsync(storage, v2Content));
        await WaitForStatusAsync(storage, v2, ReleaseStatus.Completed);
        var reinstated = await WaitForEventsAsync(storage);
        var back = Assert.Single(reinstated);
        Assert.Equal(ReleaseEventTypes.Processed, back.GetProperty("type").GetString());
        Assert.Equal(v2, back.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Uploading_earlier_content_again_makes_that_version_current_without_processing_it_again()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString);
        var storage = runtime.Storage;
        var seed = await File.ReadAllTextAsync(RepoPaths.SeedRelease);
        var v1Content = Encoding.UTF8.GetBytes(seed);
        var v2Content = Encoding.UTF8.GetBytes(seed + "\n\nتصحيح: أضيفت هذه الفقرة في النسخة الثانية.\n");
        using var api = new ApiClient(runtime.Url, key: null);

        var v1 = await UploadAsync(storage, v1Content);
        await WaitForStatusAsync(storage, v1, ReleaseStatus.Completed);
        var v2 = await UploadAsync(storage, v2Content);
        await WaitForStatusAsync(storage, v2, ReleaseStatus.Completed);
        await WaitForStatusAsync(storage, v1, ReleaseStatus.Superseded);
        Assert.Equal(2, (await WaitForEventsAsync(storage)).Count);

        // v1's bytes again: the blob holds v1, so v1 is current and v2 superseded by it — no third orchestration.
        Assert.Equal(v1, await UploadAsync(storage, v1Content));
        await WaitForStatusAsync(storage, v2, ReleaseStatus.Superseded);
        await WaitForStatusAsync(storage, v1, ReleaseStatus.Completed);
        var deadline = DateTime.UtcNow + Timeout;
        while ((await VersionRowsAsync(storage)).Single(r => r.RowKey == v1).GetString("Supersedes") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250); // the chain is relinked just after the statuses change
        }

        var rows = await VersionRowsAsync(storage);
        var current = rows.Single(r => r.RowKey == v1);
        Assert.Null(current.GetString("SupersededBy"));
        Assert.Equal(v2, current.GetString("Supersedes"));
        Assert.NotNull(current.GetDateTimeOffset("VersionAt"));
        Assert.Equal(v1, rows.Single(r => r.RowKey == v2).GetString("SupersededBy"));
        Assert.Equal(2, await InstanceCountAsync(runtime.Client));

        var (status, detail) = await api.GetJsonAsync($"/api/releases/{v1}");
        Assert.Equal(200, status);
        Assert.Equal(ReleaseStatus.Completed, detail.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, detail.TryGetProperty("supersededBy", out var by) ? by.ValueKind : JsonValueKind.Null);
        var v1Json = await ReadReleaseJsonAsync(storage, v1);
        OutputContract.AssertValidReleaseJson(v1Json);
        Assert.DoesNotContain("\"supersededBy\":\"", v1Json, StringComparison.Ordinal);
        await AssertListedAsync(api, v1, ReleaseStatus.Completed);
        await AssertListedAsync(api, v2, ReleaseStatus.Superseded);

        // One processed event says v1 is current again and what it replaces.
        var back = Assert.Single(await WaitForEventsAsync(storage));
        Assert.Equal(ReleaseEventTypes.Processed, back.GetProperty("type").GetString());
        Assert.Equal(v1, back.GetProperty("subject").GetString());
        Assert.Equal(v2, back.GetProperty("data").GetProperty("supersedes").GetString());

        // The same bytes once more (a new ETag): already current, nothing changes, nothing is sent.
        Assert.Equal(v1, await UploadAsync(storage, v1Content));
        await WaitForReceiptAsync(storage, v1);
        Assert.Empty(await EventQueue.ReadAllAsync(storage));
        Assert.Equal(ReleaseStatus.Completed, (await VersionRowsAsync(storage)).Single(r => r.RowKey == v1).GetString("Status"));

        // And back to v2: the order follows the uploads, however often they alternate.
        Assert.Equal(v2, await UploadAsync(storage, v2Content));
        await WaitForStatusAsync(storage, v1, ReleaseStatus.Superseded);
        await WaitForStatusAsync(storage, v2, ReleaseStatus.Completed);
        Assert.Equal(v2, (await VersionRowsAsync(storage)).Single(r => r.RowKey == v1).GetString("SupersededBy"));
        Assert.Equal(2, await InstanceCountAsync(runtime.Client));
    }

    /// <summary>Events are sent after the status is written: wait for the first, then for stragglers.</summary>
    static async Task<List<JsonElement>> WaitForEventsAsync(PressRoomStorage storage)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var events = await EventQueue.ReadAllAsync(storage);
        while (events.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            events = await EventQueue.ReadAllAsync(storage);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        events.AddRange(await EventQueue.ReadAllAsync(storage));
        return events;
    }

    static async Task<string> UploadAsync(PressRoomStorage storage, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await new ReleaseUploader(storage).UploadAsync(BlobName, stream, CancellationToken.None);
    }

    static async Task<List<TableEntity>> VersionRowsAsync(PressRoomStorage storage) =>
        await OutputContract.RowsAsync(storage.ReleasesTable, ReleaseIdentity.DocumentId(BlobName));

    static async Task<List<TableEntity>> IndexRowsAsync(PressRoomStorage storage, string releaseId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.EntityIndexTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ReleaseId eq {releaseId}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    static async Task WaitForStatusAsync(PressRoomStorage storage, string releaseId, string status)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var queries = new ReleaseQueries(storage);
        while ((await queries.GetAsync(releaseId, CancellationToken.None))?.Status != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{releaseId} did not become {status}.");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until the watcher has taken in the blob's current ETag.</summary>
    static async Task WaitForReceiptAsync(PressRoomStorage storage, string releaseId)
    {
        var etag = (await storage.ReleasesContainer.GetBlobClient(BlobName).GetPropertiesAsync()).Value.ETag.ToString().Trim('"');
        var receipts = new BlobReceiptStore(storage);
        var deadline = DateTime.UtcNow + Timeout;
        while (await receipts.GetAsync(BlobName, CancellationToken.None) is not { } receipt || receipt.ETag?.Trim('"') != etag)
        {
            Assert.True(DateTime.UtcNow < deadline, "The watcher did not take in the re-upload.");
            await Task.Delay(250);
        }

        Assert.Equal(releaseId, (await receipts.GetAsync(BlobName, CancellationToken.None))!.ReleaseId);
        await Task.Delay(TimeSpan.FromSeconds(1)); // anything it would have started has had time to start
    }

    static async Task<int> InstanceCountAsync(DurableTaskClient client)
    {
        int count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = false }))
        {
            count++;
        }

        return count;
    }

    static async Task<string> ReadReleaseJsonAsync(PressRoomStorage storage, string releaseId) =>
        (await storage.ProcessedContainer.GetBlobClient($"{releaseId}/release.json").DownloadContentAsync()).Value.Content.ToString();

    static async Task AssertListedAsync(ApiClient api, string releaseId, string status)
    {
        var (code, page) = await api.GetJsonAsync($"/api/releases?status={status}");
        Assert.Equal(200, code);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("releaseId").GetString() == releaseId);
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal(status, i.GetProperty("status").GetString()));
    }
}
