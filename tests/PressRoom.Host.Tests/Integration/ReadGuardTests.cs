using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Functions;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Documents.Fixtures;
using PressRoom.Tests.Functions;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Integration;

/// <summary>
/// The guards around reading a release, on real Azurite: the Event Grid trigger with a name the rule refuses, the
/// poison count of reads that never finished, the read time limit, a terminated orchestration stopping its read, and
/// a container listing that fails on one blob. Orchestration state comes from the test double of the durable client
/// the Functions tests use; the pipeline classes and storage are the real ones.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadGuardTests(AzuriteFixture azurite)
{
    ServiceProvider Services(Dictionary<string, string?>? settings = null, DurableTaskClient? client = null)
    {
        var values = new Dictionary<string, string?> { [StorageNames.ConnectionName] = azurite.ConnectionString };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var services = new ServiceCollection().AddLogging().AddPressRoomPipeline(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        if (client is not null)
        {
            services.AddSingleton(client);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Puts content under a name straight into storage (as another tool would) and offers it through the Functions trigger.</summary>
    static async Task<ReleaseInput> IngestAsync(ServiceProvider services, FakeDurableTaskClient client, string name, byte[] content)
    {
        var storage = services.GetRequiredService<PressRoomStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var blob = storage.ReleasesContainer.GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
        var result = await new IngestRelease(services.GetRequiredService<ReleaseIntake>()).Run(blob, name, client, new TestFunctionContext());
        Assert.True(result.Started);
        return Assert.IsType<ReleaseInput>(client.Scheduled.Single(s => s.InstanceId == result.InstanceId).Input);
    }

    [Fact]
    public async Task A_blob_name_the_rule_refuses_gets_a_row_and_an_InvalidName_rejection_through_the_event_grid_trigger()
    {
        await using var services = Services();
        var client = new FakeDurableTaskClient();
        var name = $"guard-{Guid.NewGuid():N}/invoice\u202Etxt.exe";

        var input = await IngestAsync(services, client, name, "Title\n\nBody."u8.ToArray());
        var summary = await services.GetRequiredService<ReadDocumentActivity>().ExecuteAsync(input, CancellationToken.None);

        Assert.True(summary.Rejected);
        Assert.Equal(RejectionReason.InvalidName.ToString(), summary.ReasonCode);
        Assert.Contains("bidirectional control (U+202E)", summary.ReasonMessage, StringComparison.Ordinal);
        var row = await services.GetRequiredService<ReleaseQueries>().GetAsync(input.ReleaseId, CancellationToken.None);
        Assert.Equal(name, row?.SourceBlob);
    }

    [Fact]
    public async Task A_release_whose_reads_never_finished_is_parked_as_poison_and_reads_again_after_a_restart()
    {
        await using var services = Services(new() { ["Documents:MaxReadAttempts"] = "3" });
        var client = new FakeDurableTaskClient();
        var input = await IngestAsync(services, client, $"guard-{Guid.NewGuid():N}/release.txt", "Port expands\n\nThe port added two berths."u8.ToArray());
        var ledger = services.GetRequiredService<ReadAttemptLedger>();
        var activity = services.GetRequiredService<ReadDocumentActivity>();

        // Three reads that started and died with the process (nothing cleared the count).
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(i, (await ledger.StartAsync(input.ReleaseId, stage: null, CancellationToken.None)).Unfinished);
        }

        var poison = await Assert.ThrowsAsync<PoisonReleaseException>(() => activity.ExecuteAsync(input, CancellationToken.None));
        Assert.Contains("3 times", poison.Message, StringComparison.Ordinal);
        Assert.Equal(PoisonReleaseException.Code, poison.ReasonCode);
        Assert.Equal(0, await ReadAttemptsAsync(services, input.ReleaseId));

        // An admin restart reads it afresh, and a finished read leaves no count behind.
        var summary = await activity.ExecuteAsync(input, CancellationToken.None);
        Assert.False(summary.Rejected);
        Assert.Equal("Port expands", summary.Title);
        Assert.Equal(0, await ReadAttemptsAsync(services, input.ReleaseId));
    }

    [Fact]
    public async Task A_read_longer_than_the_time_limit_is_stopped_and_rejected()
    {
        await using var services = Services(new() { ["Documents:MaxReadTime"] = "00:00:00.100", ["Documents:MaxHtmlElements"] = "100000000" });
        var input = await IngestAsync(services, new FakeDurableTaskClient(), $"guard-{Guid.NewGuid():N}/many.html", BombFixture.HtmlManyElements(2_800_000));
        var started = DateTime.UtcNow;

        var summary = await services.GetRequiredService<ReadDocumentActivity>().ExecuteAsync(input, CancellationToken.None);

        Assert.True(summary.Rejected);
        Assert.Equal(RejectionReason.LimitExceeded.ToString(), summary.ReasonCode);
        Assert.Contains("took longer than", summary.ReasonMessage, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Terminating_the_orchestration_stops_its_running_read()
    {
        var client = new FakeDurableTaskClient();
        // The watchdog checks every 100 ms here (2 s by default): the read must outlast its first check by far, on any machine.
        await using var services = Services(new() { ["Documents:MaxHtmlElements"] = "100000000", ["Documents:MaxReadTime"] = "00:10:00", ["Documents:ReadWatchInterval"] = "00:00:00.100" }, client);
        var input = await IngestAsync(services, client, $"guard-{Guid.NewGuid():N}/many.html", BombFixture.HtmlManyElements(2_800_000));
        var instanceId = ReleaseIdentity.InstanceId(input.ReleaseId);
        client.SetStatus(instanceId, OrchestrationRuntimeStatus.Running);
        var activity = services.GetRequiredService<ReadDocumentActivity>();

        // Without the budget the page takes far longer than the watchdog's poll; the admin terminates it meanwhile.
        var read = activity.ExecuteAsync(input, CancellationToken.None);
        client.SetStatus(instanceId, OrchestrationRuntimeStatus.Terminated);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.Equal(0, await ReadAttemptsAsync(services, input.ReleaseId));
    }

    [Fact]
    public async Task A_listing_page_that_fails_on_one_blob_still_yields_the_blobs_before_it_and_infers_no_deletion()
    {
        // A container of its own: Azurite cannot list a U+FFFE name at all, which would stall other tests' watchers.
        var container = new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, $"listing{Guid.NewGuid():N}"[..30]);
        await container.CreateAsync();
        try
        {
            foreach (var name in (string[])["a.txt", "b.txt", "nonchar\uFFFE.txt", "z.txt"])
            {
                await container.GetBlobClient(name).UploadAsync(new BinaryData("x"));
            }

            var listing = await new ReleaseBlobLister(NullLogger<ReleaseBlobLister>.Instance).ListAsync(container, CancellationToken.None);

            Assert.False(listing.Complete);
            Assert.Equal(["a.txt", "b.txt"], listing.Blobs.Select(b => b.Name));
            Assert.Equal("b.txt", listing.StoppedAfter);

            // Once the blob is gone the listing is whole again.
            await container.GetBlobClient("nonchar\uFFFE.txt").DeleteAsync();
            var whole = await new ReleaseBlobLister(NullLogger<ReleaseBlobLister>.Instance).ListAsync(container, CancellationToken.None);
            Assert.True(whole.Complete);
            Assert.Equal(["a.txt", "b.txt", "z.txt"], whole.Blobs.Select(b => b.Name));
        }
        finally
        {
            await container.DeleteAsync();
        }
    }

    static async Task<int> ReadAttemptsAsync(ServiceProvider services, string releaseId)
    {
        var row = await services.GetRequiredService<PressRoomStorage>().ReleasesTable.GetEntityAsync<TableEntity>(releaseId.Split('-')[0], releaseId);
        return row.Value.GetInt32(ReadAttemptLedger.Property) ?? 0;
    }
}
