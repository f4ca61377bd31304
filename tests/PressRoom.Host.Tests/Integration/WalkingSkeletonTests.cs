using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Integration;

/// <summary>The release workflow end to end on real Azurite and the real durable engine.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class WalkingSkeletonTests(Xunit.Abstractions.ITestOutputHelper output)
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Seed_release_uploaded_as_a_blob_completes_with_rows_json_and_event()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString);
        var storage = runtime.Storage;

        await using var seed = File.OpenRead(RepoPaths.SeedRelease);
        var releaseId = await runtime.Services.GetRequiredService<ReleaseUploader>().UploadAsync("seed/000_1462e021ac3cc625.txt", seed, CancellationToken.None);

        var ended = await ReleaseWaiter.WaitAsync(runtime.Client, [releaseId], Timeout, null, CancellationToken.None);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended[releaseId]);

        var row = await new ReleaseQueries(storage).GetAsync(releaseId, CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal("Completed", row!.Status);
        Assert.Equal("ar", row.Language);
        Assert.Equal("seed/000_1462e021ac3cc625.txt", row.SourceBlob);

        // Progress was recorded stage by stage for the comms page; the last one started before saving stays. The
        // source's entities are extracted right after the read, so with no translator configured (the translation is
        // skipped, nothing to extract from it) the last stage started is Translate.
        Assert.Equal(TaskNames.Translate, row.Stage);

        var json = await new ReleaseArtifacts(storage).ReadJsonAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, CancellationToken.None);
        Assert.Equal("ar", json.Language);
        Assert.Equal("Completed", json.Status);
        Assert.Equal(ReleaseRecord.CurrentSchemaVersion, json.SchemaVersion);
        Assert.Contains(json.Translations, t => t.Status == "Skipped" && t.Reason == "Skipped: no translation provider configured");

        var events = await EventQueue.WaitForAsync(storage, [releaseId], ReleaseEventTypes.Processed, TimeSpan.FromMinutes(1));
        var processed = Assert.Single(events);
        Assert.Equal(ReleaseEventTypes.Processed, processed.GetProperty("type").GetString());
        Assert.Equal(releaseId, processed.GetProperty("subject").GetString());
        Assert.Equal("1.0", processed.GetProperty("specversion").GetString());
        Assert.Equal("ar", processed.GetProperty("data").GetProperty("language").GetString());
    }

    [Fact]
    public async Task The_same_blob_event_delivered_three_times_starts_one_orchestration_and_writes_one_set_of_rows()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false);
        var storage = runtime.Storage;
        await using (var seed = File.OpenRead(RepoPaths.SeedRelease))
        {
            await runtime.Services.GetRequiredService<ReleaseUploader>().UploadAsync("repeat.txt", seed, CancellationToken.None);
        }

        // Three deliveries of the same blob event, as Event Grid may send them, two of them racing.
        var intake = runtime.Services.GetRequiredService<ReleaseIntake>();
        var results = await Task.WhenAll(
            intake.OfferAsync(runtime.Client, "repeat.txt", "test", CancellationToken.None),
            intake.OfferAsync(runtime.Client, "repeat.txt", "test", CancellationToken.None));
        var releaseId = results[0].ReleaseId;
        await ReleaseWaiter.WaitAsync(runtime.Client, [releaseId], Timeout, null, CancellationToken.None);
        var third = await intake.OfferAsync(runtime.Client, "repeat.txt", "test", CancellationToken.None);

        Assert.Equal(1, results.Count(r => r.Started));
        Assert.False(third.Started);
        Assert.All(results.Append(third), r => Assert.Equal(releaseId, r.ReleaseId));

        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in runtime.Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = false }))
        {
            instances.Add(instance);
        }

        Assert.Single(instances);
        var rows = await ReleaseAssertions.ReleaseRowsAsync(storage);
        var row = Assert.Single(rows);
        Assert.Equal("Completed", row.GetString("Status"));
        var events = await EventQueue.WaitForAsync(storage, [releaseId], ReleaseEventTypes.Processed, TimeSpan.FromMinutes(1));
        Assert.Single(events);
    }

    [Fact]
    public async Task A_killed_runtime_is_replaced_and_every_release_in_flight_finishes_exactly_once()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var storage = azurite.CreateStorage();
        var settings = FastRecovery(TestRuntime.NewTaskHub());

        var first = RuntimeProcess.Start(PressroomBuild.Dll, azurite.ConnectionString, settings);
        var releases = await UploadReleasesAsync(storage, 20, "crash");

        // Kill it while the burst is in flight: after the first result lands, before the last.
        var deadline = DateTime.UtcNow + Timeout;
        int done;
        do
        {
            await Task.Delay(200);
            done = (await ReleaseAssertions.ReleaseRowsAsync(storage)).Count(r => r.GetString("Status") == "Completed");
        }
        while (done == 0 && DateTime.UtcNow < deadline);
        first.KillHard();
        Assert.InRange(done, 1, 19);
        await first.DisposeAsync();

        await using var second = RuntimeProcess.Start(PressroomBuild.Dll, azurite.ConnectionString, settings);
        var rows = await ReleaseAssertions.WaitForFinalRowsAsync(storage, releases, TimeSpan.FromMinutes(6));
        Assert.True(rows.Count == 20, $"{rows.Count}/20 finished. Second runtime output:\n{second.Output[^Math.Min(4000, second.Output.Length)..]}");
        Assert.All(rows, r => Assert.Equal("Completed", r.GetString("Status")));

        Assert.Equal(20, (await ReleaseAssertions.ReleaseRowsAsync(storage)).Count);

        // A crash can repeat an event whose send was not yet recorded; the repeat carries the same CloudEvents id
        // (at-least-once delivery, consumers dedupe on id — docs/reliability.md). Distinct events must be exactly one.
        var received = await EventQueue.WaitForAsync(storage, releases, ReleaseEventTypes.Processed, TimeSpan.FromMinutes(1));
        var events = ReleaseAssertions.EventsPerRelease(received, ReleaseEventTypes.Processed, distinctIds: true);
        Assert.Equal(20, events.Count);
        Assert.All(events.Values, count => Assert.Equal(1, count));
        output.WriteLine($"processed events received: {received.Count} for 20 releases (repeats after the crash: {received.Count - 20})");
    }

    [Fact]
    public async Task Two_runtimes_on_one_task_hub_share_the_work_and_finish_40_releases_exactly_once()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var storage = azurite.CreateStorage();
        var settings = FastRecovery(TestRuntime.NewTaskHub());

        await using var a = RuntimeProcess.Start(PressroomBuild.Dll, azurite.ConnectionString, settings);
        await using var b = RuntimeProcess.Start(PressroomBuild.Dll, azurite.ConnectionString, settings);
        var releases = await UploadReleasesAsync(storage, 40, "scale");

        var rows = await ReleaseAssertions.WaitForFinalRowsAsync(storage, releases, TimeSpan.FromMinutes(6));
        Assert.Equal(40, rows.Count);
        Assert.All(rows, r => Assert.Equal("Completed", r.GetString("Status")));

        var workers = rows.Select(r => r.GetString("ProcessedBy")).Distinct().ToList();
        Assert.Equal(2, workers.Count);
        Assert.Contains(workers, w => w!.EndsWith($":{a.Id}", StringComparison.Ordinal));
        Assert.Contains(workers, w => w!.EndsWith($":{b.Id}", StringComparison.Ordinal));

        var events = ReleaseAssertions.EventsPerRelease(await EventQueue.WaitForAsync(storage, releases, ReleaseEventTypes.Processed, TimeSpan.FromMinutes(1)), ReleaseEventTypes.Processed);
        Assert.Equal(40, events.Count);
        Assert.All(events.Values, count => Assert.Equal(1, count));
    }

    internal static Dictionary<string, string> FastRecovery(string taskHub) => new()
    {
        ["PressRoom__TaskHub"] = taskHub,
        ["PressRoom__WatchInterval"] = "00:00:00.250",
        ["PressRoom__Engine__WorkItemVisibilityTimeout"] = "00:00:10",
        ["PressRoom__Engine__ControlQueueVisibilityTimeout"] = "00:00:10",
        ["PressRoom__Engine__LeaseInterval"] = "00:00:08",
        ["PressRoom__Engine__LeaseRenewInterval"] = "00:00:02",
        ["PressRoom__Engine__LeaseAcquireInterval"] = "00:00:02",
    };

    /// <summary>Distinct releases generated from the seed (a numbered line makes each one its own content).</summary>
    internal static async Task<List<string>> UploadReleasesAsync(PressRoomStorage storage, int count, string prefix)
    {
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var seed = await File.ReadAllTextAsync(RepoPaths.SeedRelease);
        var uploader = new ReleaseUploader(storage);
        var ids = new List<string>();
        for (int i = 0; i < count; i++)
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{seed}\n\nالرقم المرجعي {i + 1}\n"));
            ids.Add(await uploader.UploadAsync($"{prefix}/release-{i:D3}.txt", content, CancellationToken.None));
        }

        return ids;
    }
}
