using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Documents.Fixtures;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>Exactly one event per state change over real Azurite: concurrent executions, an abandoned claim, replayed activities.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EventPublisherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Eight_concurrent_executions_of_one_state_change_send_one_message()
    {
        var storage = await FreshStorageAsync();
        var publisher = new ReleaseEventPublisher(storage, TimeProvider.System, NullLogger<ReleaseEventPublisher>.Instance);
        var id = NewReleaseId();

        var sent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => publisher.PublishOnceAsync(id, "processed", ReleaseEventTypes.Processed, new { n = 1 }, CancellationToken.None)));

        Assert.Equal(1, sent.Count(s => s));
        var events = await EventsForAsync(storage, id);
        var single = Assert.Single(events);
        Assert.Equal($"{id}:processed", single.GetProperty("id").GetString());
        var log = (await storage.EventLogTable.GetEntityAsync<TableEntity>(id, "processed")).Value;
        Assert.Equal(nameof(EventClaimState.Sent), log.GetString("State"));
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_dead_process_is_taken_over_and_its_stored_message_sent_once()
    {
        var storage = await FreshStorageAsync();
        var id = NewReleaseId();
        var storedBody = $"{{\"subject\":\"{id}\",\"id\":\"stored\"}}";
        await storage.EventLogTable.AddEntityAsync(new TableEntity(id, "failed")
        {
            ["State"] = nameof(EventClaimState.Pending),
            ["ClaimedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5),
            ["ClaimedBy"] = "dead:1",
            ["EventId"] = $"{id}:failed",
            ["Body"] = storedBody,
        });
        var publisher = new ReleaseEventPublisher(storage, TimeProvider.System, NullLogger<ReleaseEventPublisher>.Instance);

        Assert.True(await publisher.PublishOnceAsync(id, "failed", ReleaseEventTypes.Failed, new { n = 2 }, CancellationToken.None));
        Assert.False(await publisher.PublishOnceAsync(id, "failed", ReleaseEventTypes.Failed, new { n = 2 }, CancellationToken.None));

        var events = await EventsForAsync(storage, id);
        Assert.Equal("stored", Assert.Single(events).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_fresh_claim_of_another_execution_is_waited_for_not_duplicated()
    {
        var storage = await FreshStorageAsync();
        var id = NewReleaseId();
        await storage.EventLogTable.AddEntityAsync(new TableEntity(id, "processed")
        {
            ["State"] = nameof(EventClaimState.Pending),
            ["ClaimedAt"] = DateTimeOffset.UtcNow,
            ["EventId"] = $"{id}:processed",
            ["Body"] = "{}",
        });
        var publisher = new ReleaseEventPublisher(storage, TimeProvider.System, NullLogger<ReleaseEventPublisher>.Instance) { ClaimLease = TimeSpan.FromSeconds(5) };

        // The other execution finishes after a second; this one must see Sent and send nothing.
        var waiting = publisher.PublishOnceAsync(id, "processed", ReleaseEventTypes.Processed, new { n = 3 }, CancellationToken.None);
        await Task.Delay(1000);
        var row = (await storage.EventLogTable.GetEntityAsync<TableEntity>(id, "processed")).Value;
        row["State"] = nameof(EventClaimState.Sent);
        await storage.EventLogTable.UpdateEntityAsync(row, row.ETag);

        Assert.False(await waiting);
        Assert.Empty(await EventsForAsync(storage, id));
    }

    [Fact]
    public async Task Replayed_save_and_failure_activities_publish_one_event_per_release()
    {
        var storage = await FreshStorageAsync();
        var artifacts = new ReleaseArtifacts(storage);
        var lifecycle = new ReleaseLifecycle(storage, artifacts, new ReleaseEventPublisher(storage, TimeProvider.System, NullLogger<ReleaseEventPublisher>.Instance), new ReleaseEntityWriter(storage, new EntityNameWriter(storage, TimeProvider.System), Microsoft.Extensions.Options.Options.Create(new SaveOptions()), NullLogger<ReleaseEntityWriter>.Instance), TimeProvider.System, NullLogger<ReleaseLifecycle>.Instance);
        var save = new SaveResultsActivity(artifacts, lifecycle, NullLogger<SaveResultsActivity>.Instance);
        var fail = new RecordFailureActivity(lifecycle, NullLogger<RecordFailureActivity>.Instance);

        var completed = await SavedInputAsync(artifacts, "replay/completed.txt");
        var failed = Input("replay/failed.txt", "ab");
        for (int replay = 0; replay < 3; replay++)
        {
            await save.ExecuteAsync(completed, CancellationToken.None);
            await fail.ExecuteAsync(new FailureInput(failed, "Translate", "StageFailed", "boom", []), CancellationToken.None);
        }

        var events = await EventsForAsync(storage, completed.Release.ReleaseId, failed.ReleaseId);
        Assert.Equal(2, events.Count);
        Assert.Equal(ReleaseEventTypes.Processed, Assert.Single(events, e => e.GetProperty("subject").GetString() == completed.Release.ReleaseId).GetProperty("type").GetString());
        Assert.Equal(ReleaseEventTypes.Failed, Assert.Single(events, e => e.GetProperty("subject").GetString() == failed.ReleaseId).GetProperty("type").GetString());
        OutputContract.AssertValidReleaseJson((await storage.ProcessedContainer.GetBlobClient($"{failed.ReleaseId}/release.json").DownloadContentAsync()).Value.Content.ToString());
        Assert.Single(await OutputContract.IndexRowsAsync(storage.EntityIndexTable, "person:test-person"));
    }

    /// <summary>A completed release's activity input, with its document and entities in blobs as the earlier activities leave them.</summary>
    internal static async Task<SaveInput> SavedInputAsync(ReleaseArtifacts artifacts, string blobName, IReadOnlyList<ExtractedEntity>? entities = null, string? text = null, DateTimeOffset? receivedAt = null)
    {
        text ??= "عنوان البيان\n\nالتقى السيد اختبار الشخص بالوفد.";
        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(text), blobName);
        var input = Input(blobName, text, receivedAt);
        entities ??= [new ExtractedEntity { Category = "Person", Text = "اختبار الشخص", Offset = document.Text.IndexOf("اختبار", StringComparison.Ordinal), Length = 12, Key = "person:test-person", English = "Test Person", Confidence = 0.9 }];
        await artifacts.WriteJsonAsync(input.ReleaseId, ReleaseArtifacts.DocumentFile, document, CancellationToken.None);
        await artifacts.WriteJsonAsync(input.ReleaseId, ReleaseArtifacts.EntitiesFile("ar"), new EntityDocument("ar", "test", entities, []), CancellationToken.None);
        return new SaveInput
        {
            Release = input,
            Document = new DocumentSummary { Title = document.Title, Format = document.Format, Characters = document.CharacterCount, Paragraphs = document.Paragraphs.Count },
            Language = new LanguageDetection("ar", "Arab", 0.99),
            Translations = [new TranslationSummary { TargetLanguage = "en", Provider = "none", Status = "Skipped", Reason = "Skipped: no translation provider configured" }],
            Entities = [new EntitySummary { Language = "ar", Provider = "test", Count = entities.Count, ByCategory = entities.GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Count()) }],
            StartedAt = DateTime.UtcNow,
            CompletedAt = DateTime.UtcNow,
        };
    }

    internal static ReleaseInput Input(string blobName, string content, DateTimeOffset? receivedAt = null)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return new ReleaseInput
        {
            ReleaseId = ReleaseIdentity.ReleaseId(blobName, sha),
            DocumentId = ReleaseIdentity.DocumentId(blobName),
            BlobName = blobName,
            ContentSha256 = sha,
            ReceivedAt = receivedAt ?? DateTimeOffset.UtcNow,
        };
    }

    static string NewReleaseId() => $"{Guid.NewGuid():N}"[..16] + "-" + $"{Guid.NewGuid():N}"[..16];

    /// <summary>A storage account to itself: the shared Azurite with fresh names is not possible (names are fixed), so each test clears what it reads.</summary>
    async Task<PressRoomStorage> FreshStorageAsync()
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        return storage;
    }

    /// <summary>Reads the queue and keeps this release's events (other tests share the queue; their messages are put back).</summary>
    static async Task<List<System.Text.Json.JsonElement>> EventsForAsync(PressRoomStorage storage, params string[] releaseIds)
    {
        var mine = new List<System.Text.Json.JsonElement>();

        // The queue is shared: page through it (others' messages stay hidden briefly, then come back).
        var messages = new List<Azure.Storage.Queues.Models.QueueMessage>();
        for (int page = 0; page < 100; page++)
        {
            var batch = await storage.EventsQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(10));
            if (batch.Value.Length == 0)
            {
                break;
            }

            messages.AddRange(batch.Value);
        }

        foreach (var message in messages)
        {
            var json = System.Text.Json.JsonDocument.Parse(message.Body.ToString()).RootElement.Clone();
            if (json.TryGetProperty("subject", out var subject) && releaseIds.Contains(subject.GetString()))
            {
                mine.Add(json);
                await storage.EventsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return mine;
    }
}
