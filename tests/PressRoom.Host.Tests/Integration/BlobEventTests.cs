using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PressRoom.Functions;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Functions;
using PressRoom.Tests.Infrastructure;
using PressRoom.Tests.Output;

namespace PressRoom.Tests.Integration;

/// <summary>
/// Blob events as storage really delivers them — repeated, out of order, for content that was overwritten since, for
/// one content under two names, for a blob overwritten while its release is processed — through both entry points
/// (the Functions blob trigger called with the real durable client, and the local blob watcher), on real Azurite and
/// the real durable engine.
/// </summary>
/// <remarks>
/// The blob trigger hands the function a blob name, not the version an event was raised for: a "v1 event" delivered
/// after the overwrite and a "v2 event" are the same call, and both read what the name holds at delivery. That is why
/// a stale event cannot bring old content back; these tests prove it end to end.
/// </remarks>
[Collection(RuntimeCollection.Name)]
public sealed class BlobEventTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Repeated_and_reversed_events_after_an_overwrite_process_only_the_content_that_exists()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false);
        var storage = runtime.Storage;
        const string Name = "events/overwritten-before-any-event.txt";
        var v1 = await UploadAsync(storage, Name, Version(1));
        var v2 = await UploadAsync(storage, Name, Version(2));

        // Events for v2, v1, v2, v1: the first two race, the last two arrive after v2 has finished.
        var trigger = new IngestRelease(runtime.Services.GetRequiredService<ReleaseIntake>());
        var results = (await Task.WhenAll(DeliverAsync(trigger, storage, Name, runtime.Client), DeliverAsync(trigger, storage, Name, runtime.Client))).ToList();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await ReleaseWaiter.WaitAsync(runtime.Client, [v2.ReleaseId], Timeout, null, CancellationToken.None))[v2.ReleaseId]);
        results.Add(await DeliverAsync(trigger, storage, Name, runtime.Client));
        results.Add(await DeliverAsync(trigger, storage, Name, runtime.Client));

        Assert.Equal(1, results.Count(r => r.Started));
        Assert.All(results, r => Assert.Equal(v2.ReleaseId, r.ReleaseId));
        Assert.Equal([ReleaseIdentity.InstanceId(v2.ReleaseId)], await InstanceIdsAsync(runtime.Client));
        Assert.Null(await runtime.Client.GetInstanceAsync(ReleaseIdentity.InstanceId(v1.ReleaseId)));

        var row = Assert.Single(await ReleaseAssertions.ReleaseRowsAsync(storage));
        Assert.Equal(v2.ReleaseId, row.GetString("ReleaseId"));
        Assert.Equal(ReleaseStatus.Completed, row.GetString("Status"));
        Assert.Equal(v2.Sha256, row.GetString("ContentSha256"));
        Assert.Null(row.GetString("Supersedes"));

        var events = await EventQueue.WaitForAsync(storage, [v2.ReleaseId], ReleaseEventTypes.Processed, TimeSpan.FromSeconds(30));
        var processed = Assert.Single(events);
        Assert.Equal(ReleaseEventTypes.Processed, processed.GetProperty("type").GetString());
        Assert.Equal(v2.ReleaseId, processed.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Stale_events_after_a_newer_version_completed_neither_process_twice_nor_resurrect_the_old_version()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: false);
        var storage = runtime.Storage;
        const string Name = "events/overwritten-after-finishing.txt";
        var trigger = new IngestRelease(runtime.Services.GetRequiredService<ReleaseIntake>());

        var v1 = await UploadAsync(storage, Name, Version(1));
        var results = new List<ScheduleResult> { await DeliverAsync(trigger, storage, Name, runtime.Client) };
        await ReleaseWaiter.WaitAsync(runtime.Client, [v1.ReleaseId], Timeout, null, CancellationToken.None);

        // Overwritten after v1 finished; then v2's event, v1's event again (late), v2's again, v1's again.
        var v2 = await UploadAsync(storage, Name, Version(2));
        for (int i = 0; i < 4; i++)
        {
            results.Add(await DeliverAsync(trigger, storage, Name, runtime.Client));
        }

        await ReleaseWaiter.WaitAsync(runtime.Client, [v2.ReleaseId], Timeout, null, CancellationToken.None);
        results.Add(await DeliverAsync(trigger, storage, Name, runtime.Client));

        Assert.Equal([v1.ReleaseId, v2.ReleaseId], results.Where(r => r.Started).Select(r => r.ReleaseId));
        Assert.All(results.Skip(1), r => Assert.Equal(v2.ReleaseId, r.ReleaseId));
        Assert.Equal(
            new[] { v1.ReleaseId, v2.ReleaseId }.Select(ReleaseIdentity.InstanceId).Order(StringComparer.Ordinal),
            await InstanceIdsAsync(runtime.Client));

        var rows = (await ReleaseAssertions.ReleaseRowsAsync(storage)).ToDictionary(r => r.GetString("ReleaseId"));
        Assert.Equal(2, rows.Count);
        Assert.Equal(ReleaseStatus.Superseded, rows[v1.ReleaseId].GetString("Status"));
        Assert.Equal(v2.ReleaseId, rows[v1.ReleaseId].GetString("SupersededBy"));
        Assert.Equal(ReleaseStatus.Completed, rows[v2.ReleaseId].GetString("Status"));
        Assert.Equal(v1.ReleaseId, rows[v2.ReleaseId].GetString("Supersedes"));
        Assert.Equal(v2.Sha256, rows[v2.ReleaseId].GetString("ContentSha256"));

        var events = await EventQueue.WaitForAsync(storage, [v1.ReleaseId, v2.ReleaseId], ReleaseEventTypes.Processed, TimeSpan.FromSeconds(30));
        Assert.Equal(2, events.Count);
        var processed = ReleaseAssertions.EventsPerRelease(events, ReleaseEventTypes.Processed);
        Assert.Equal(1, processed[v1.ReleaseId]);
        Assert.Equal(1, processed[v2.ReleaseId]);
    }

    [Fact]
    public async Task The_same_content_under_two_names_is_two_releases_with_one_content_hash_both_in_the_entity_index()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString);
        var storage = runtime.Storage;
        var content = Version(1);
        var first = await UploadAsync(storage, "events/twin-a.txt", content);
        var second = await UploadAsync(storage, "events/copies/twin-b.txt", content);

        var rows = await ReleaseAssertions.WaitForFinalRowsAsync(storage, [first.ReleaseId, second.ReleaseId], Timeout);
        Assert.NotEqual(first.ReleaseId, second.ReleaseId);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(ReleaseStatus.Completed, r.GetString("Status")));
        Assert.All(rows, r => Assert.Equal(first.Sha256, r.GetString("ContentSha256")));
        Assert.Equal(["events/copies/twin-b.txt", "events/twin-a.txt"], rows.Select(r => r.GetString("SourceBlob")).Order(StringComparer.Ordinal));

        // Neither supersedes the other: they are two documents.
        Assert.All(rows, r => Assert.Null(r.GetString("Supersedes")));
        Assert.All(rows, r => Assert.Null(r.GetString("SupersededBy")));
        Assert.Equal(2, (await ReleaseAssertions.ReleaseRowsAsync(storage)).Count);

        var events = await EventQueue.WaitForAsync(storage, [first.ReleaseId, second.ReleaseId], ReleaseEventTypes.Processed, TimeSpan.FromSeconds(30));
        Assert.Equal(2, events.Count);
        Assert.All(ReleaseAssertions.EventsPerRelease(events, ReleaseEventTypes.Processed).Values, count => Assert.Equal(1, count));

        // What a consumer groups copies by: the content hash, in the event itself.
        Assert.All(events, e => Assert.Equal(first.Sha256, e.GetProperty("data").GetProperty("contentSha256").GetString()));

        // Every named entity of the content lists both releases in the entity index (dates and numbers are not indexed).
        var record = await new ReleaseArtifacts(storage).ReadJsonAsync<ReleaseRecord>(first.ReleaseId, ReleaseArtifacts.ReleaseFile, CancellationToken.None);
        var keys = record.Entities.Values.SelectMany(l => l).Where(e => e.Category is not ("DateTime" or "Quantity")).Select(e => e.Key).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var listed = (await OutputContract.IndexRowsAsync(storage.EntityIndexTable, key)).Select(e => e.GetString("ReleaseId"));

            Assert.Equal(new[] { first.ReleaseId, second.ReleaseId }.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_blob_overwritten_before_its_release_was_read_ends_that_version_as_Overwritten_and_the_new_content_becomes_current()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var taskHub = TestRuntime.NewTaskHub();
        const string Name = "events/overwritten-while-queued.txt";
        const string BadName = "events/overwritten-by-a-picture.txt";
        var v1 = await UploadAsync(storage, Name, Version(1));
        var bad1 = await UploadAsync(storage, BadName, Version(3));

        // The events for v1 arrive and schedule their releases while no worker runs yet: they wait before ReadDocument.
        await using (var scheduling = await ClientWithoutWorkerAsync(azurite.ConnectionString, taskHub))
        {
            var trigger = new IngestRelease(scheduling.Services.GetRequiredService<ReleaseIntake>());
            foreach (var (name, release) in new[] { (Name, v1), (BadName, bad1) })
            {
                var scheduled = await DeliverAsync(trigger, storage, name, scheduling.Client);
                Assert.True(scheduled.Started);
                Assert.Equal(release.ReleaseId, scheduled.ReleaseId);
                var instance = await scheduling.Client.GetInstanceAsync(scheduled.InstanceId);
                Assert.Equal(OrchestrationRuntimeStatus.Pending, instance!.RuntimeStatus);
            }
        }

        // Both are overwritten before they were read: one with a new version, one with something that is not a release.
        var v2 = await UploadAsync(storage, Name, Version(2));
        var bad2 = await UploadAsync(storage, BadName, Png);

        // Now the worker starts on the same task hub (a later setting overrides TestRuntime's fresh one); its watcher
        // offers what the names hold now (the overwrites' events).
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString, watch: true, $"PressRoom:TaskHub={taskHub}");
        var ids = new[] { v1.ReleaseId, v2.ReleaseId, bad1.ReleaseId, bad2.ReleaseId };
        var rows = (await ReleaseAssertions.WaitForFinalRowsAsync(storage, ids, Timeout)).ToDictionary(r => r.GetString("ReleaseId"));
        Assert.Equal(4, rows.Count);

        foreach (var stale in new[] { v1, bad1 })
        {
            var row = rows[stale.ReleaseId];
            Assert.Equal(ReleaseStatus.Rejected, row.GetString("Status"));
            Assert.Equal(nameof(RejectionReason.Overwritten), row.GetString("ReasonCode"));
            Assert.Equal(RejectionMessages.For(RejectionReason.Overwritten), row.GetString("Reason"));
            Assert.Equal(stale.Sha256, row.GetString("ContentSha256"));

            // It was never processed with the content that replaced it.
            Assert.Null(await new ReleaseArtifacts(storage).TryReadJsonAsync<ReleaseDocument>(stale.ReleaseId, ReleaseArtifacts.DocumentFile, CancellationToken.None));
        }

        Assert.Equal(ReleaseStatus.Completed, rows[v2.ReleaseId].GetString("Status"));
        Assert.Null(rows[v2.ReleaseId].GetString("SupersededBy"));
        Assert.Equal(v2.Sha256, rows[v2.ReleaseId].GetString("ContentSha256"));
        var document = await new ReleaseArtifacts(storage).ReadJsonAsync<ReleaseDocument>(v2.ReleaseId, ReleaseArtifacts.DocumentFile, CancellationToken.None);
        Assert.Equal(v2.Sha256, document.OriginalSha256);

        // The picture is rejected for what it is, as its own release.
        Assert.Equal(ReleaseStatus.Rejected, rows[bad2.ReleaseId].GetString("Status"));
        Assert.Equal(nameof(RejectionReason.UnsupportedFormat), rows[bad2.ReleaseId].GetString("ReasonCode"));
        Assert.Equal(4, (await ReleaseAssertions.ReleaseRowsAsync(storage)).Count);

        // Reading the queue consumes what it reads: wait for the processed event only if the first wait did not see it.
        var events = await EventQueue.WaitForAsync(storage, [v1.ReleaseId, bad1.ReleaseId, bad2.ReleaseId], ReleaseEventTypes.Rejected, TimeSpan.FromSeconds(30));
        if (!events.Any(e => e.GetProperty("subject").GetString() == v2.ReleaseId))
        {
            events.AddRange(await EventQueue.WaitForAsync(storage, [v2.ReleaseId], ReleaseEventTypes.Processed, TimeSpan.FromSeconds(30)));
        }

        Assert.Equal(4, events.Count);
        Assert.Equal(1, ReleaseAssertions.EventsPerRelease(events, ReleaseEventTypes.Processed)[v2.ReleaseId]);
        var rejected = ReleaseAssertions.EventsPerRelease(events, ReleaseEventTypes.Rejected);
        Assert.Equal(new[] { v1.ReleaseId, bad1.ReleaseId, bad2.ReleaseId }.Order(StringComparer.Ordinal), rejected.Keys.Order(StringComparer.Ordinal));
        Assert.All(rejected.Values, count => Assert.Equal(1, count));
        var overwritten = events.Single(e => e.GetProperty("subject").GetString() == v1.ReleaseId);
        Assert.Equal(nameof(RejectionReason.Overwritten), overwritten.GetProperty("data").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public async Task A_blob_overwritten_after_its_release_finished_is_superseded_by_the_new_version_through_the_watcher()
    {
        await using var azurite = await AzuriteInstance.StartAsync();
        await using var runtime = await TestRuntime.StartAsync(azurite.ConnectionString);
        var storage = runtime.Storage;
        const string Name = "events/watched.txt";

        var v1 = await UploadAsync(storage, Name, Version(1));
        Assert.Single(await ReleaseAssertions.WaitForFinalRowsAsync(storage, [v1.ReleaseId], Timeout));
        var v2 = await UploadAsync(storage, Name, Version(2));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await ReleaseWaiter.WaitAsync(runtime.Client, [v2.ReleaseId], Timeout, null, CancellationToken.None)).GetValueOrDefault(v2.ReleaseId));

        var rows = (await new ReleaseQueries(storage).GetVersionsAsync(Name, CancellationToken.None)).ToDictionary(r => r.Id);
        Assert.Equal(2, rows.Count);
        Assert.Equal(ReleaseStatus.Superseded, rows[v1.ReleaseId].Status);
        Assert.Equal(v2.ReleaseId, rows[v1.ReleaseId].SupersededBy);
        Assert.Equal(ReleaseStatus.Completed, rows[v2.ReleaseId].Status);
        Assert.Equal(v1.ReleaseId, rows[v2.ReleaseId].Supersedes);
        var artifacts = new ReleaseArtifacts(storage);
        Assert.Equal(ReleaseStatus.Superseded, (await artifacts.ReadJsonAsync<ReleaseRecord>(v1.ReleaseId, ReleaseArtifacts.ReleaseFile, CancellationToken.None)).Status);
        Assert.Equal(v1.Sha256, (await artifacts.ReadJsonAsync<ReleaseDocument>(v1.ReleaseId, ReleaseArtifacts.DocumentFile, CancellationToken.None)).OriginalSha256);

        var events = await EventQueue.WaitForAsync(storage, [v1.ReleaseId, v2.ReleaseId], ReleaseEventTypes.Processed, TimeSpan.FromSeconds(30));
        Assert.Equal(2, events.Count);
        var processedV2 = events.Single(e => e.GetProperty("subject").GetString() == v2.ReleaseId);
        Assert.Equal(v1.ReleaseId, processedV2.GetProperty("data").GetProperty("supersedes").GetString());
        Assert.Equal(
            new[] { v1.ReleaseId, v2.ReleaseId }.Select(ReleaseIdentity.InstanceId).Order(StringComparer.Ordinal),
            await InstanceIdsAsync(runtime.Client));
    }

    sealed record Upload(string ReleaseId, string Sha256);

    /// <summary>The seed release with a numbered line: each number is its own content.</summary>
    static byte[] Version(int number) =>
        Encoding.UTF8.GetBytes($"{File.ReadAllText(RepoPaths.SeedRelease)}\n\nالنسخة رقم {number}\n");

    /// <summary>The 8-byte PNG signature and a header chunk: an image, not a release.</summary>
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    static async Task<Upload> UploadAsync(PressRoomStorage storage, string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        var releaseId = await new ReleaseUploader(storage).UploadAsync(name, stream, CancellationToken.None);
        return new Upload(releaseId, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>One blob event, as the Functions host delivers it: the trigger method with the blob and a durable client.</summary>
    static Task<ScheduleResult> DeliverAsync(IngestRelease trigger, PressRoomStorage storage, string name, DurableTaskClient client) =>
        trigger.Run(storage.ReleasesContainer.GetBlobClient(name), name, client, new TestFunctionContext());

    static async Task<List<string>> InstanceIdsAsync(DurableTaskClient client)
    {
        var ids = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = false }))
        {
            ids.Add(instance.InstanceId);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The pipeline's services with a durable client on the real engine (the DTFx Azure Storage backend behind the task
    /// hub gRPC server, as <see cref="DurableEngine"/> sets it up) in API-only mode: it schedules and answers queries but
    /// never dispatches work, so the releases it schedules wait in the task hub — before ReadDocument — until a runtime
    /// with a worker joins the hub. (A dispatching server stopped before any worker connected crashes the process.)
    /// </summary>
    static async Task<SchedulingHost> ClientWithoutWorkerAsync(string connectionString, string taskHub)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var backend = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            PartitionCount = new DurableEngineOptions().PartitionCount,
            UseTablePartitionManagement = true,
            UseInstanceTableEtag = true,
            ThrowExceptionOnInvalidDedupeStatus = true,
        });
        builder.Services.AddSingleton<IOrchestrationService>(backend);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(backend);
        builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerOnly);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.AddGrpc();
        var server = builder.Build();
        await backend.CreateIfNotExistsAsync();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync();

        var channel = GrpcChannel.ForAddress(server.Urls.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageNames.ConnectionName] = connectionString }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPressRoomPipeline(configuration);
        services.AddDurableTaskClient(client => client.UseGrpc(channel));
        return new SchedulingHost(server, channel, services.BuildServiceProvider());
    }

    sealed class SchedulingHost(WebApplication server, GrpcChannel channel, ServiceProvider services) : IAsyncDisposable
    {
        public IServiceProvider Services => services;

        public DurableTaskClient Client => services.GetRequiredService<DurableTaskClient>();

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            channel.Dispose();
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }
}
