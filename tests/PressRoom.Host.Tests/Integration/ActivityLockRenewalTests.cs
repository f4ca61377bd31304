using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PressRoom.Tests.Integration;

/// <summary>
/// An activity that runs longer than the work-item visibility timeout keeps its lock, so it is not delivered a second
/// time while it is still running: on the in-process TaskHubWorker host DTFx's activity dispatcher renews it, on the
/// gRPC sidecar host ActivityLockRenewingService does.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActivityLockRenewalTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Theory]
    [InlineData(EngineHost.TaskHubWorker)]
    [InlineData(EngineHost.GrpcSidecar)]
    public async Task An_activity_slower_than_the_visibility_timeout_keeps_its_work_item_hidden_and_runs_once(EngineHost host)
    {
        // Each translation answer takes well over twice the 10 s visibility timeout. The runtime runs one activity at a time,
        // so while the slow one runs nothing in it polls the work-item queue: if this test can receive the message
        // then, the lock was lost and any other worker would run the activity a second time.
        await using var translator = await FakeTranslator.StartAsync();
        translator.Server.ResponseDelay = TimeSpan.FromSeconds(28);
        var taskHub = $"lockrenew{Guid.NewGuid():N}"[..20];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        string[] args =
        [
            $"--{StorageNames.ConnectionName}={azurite.ConnectionString}",
            "--PressRoom:Url=http://127.0.0.1:0",
            "--shutdownTimeoutSeconds=5",
            $"--PressRoom:TaskHub={taskHub}",
            "--PressRoom:Engine:WorkItemVisibilityTimeout=00:00:10",
            "--PressRoom:Engine:MaxConcurrentActivities=1",
            $"--PressRoom:Engine:Host={host}",
            "--Translation:Provider=azure",
            $"--Translation:Endpoint={translator.Server.BaseAddress}",
            $"--Translation:Key={translator.ExpectedKey}",
            "--AzureAI:NetworkTimeout=00:01:00",
        ];

        // No watcher: the storage may be shared with other tests, and only this release may reach this task hub.
        await using var runtime = await LocalRuntime.StartAsync(args, watch: false, timeout.Token);
        await using var seed = File.OpenRead(RepoPaths.SeedRelease);
        var blobName = $"lock-renewal-{Guid.NewGuid():N}.txt";
        var releaseId = await runtime.Services.GetRequiredService<ReleaseUploader>().UploadAsync(blobName, seed, timeout.Token);
        await runtime.Services.GetRequiredService<ReleaseIntake>().OfferAsync(runtime.Client, blobName, "test", timeout.Token);
        var instanceId = ReleaseIdentity.InstanceId(releaseId);
        while (!translator.TranslateRequests.Any())
        {
            await Task.Delay(100, timeout.Token);
        }

        var workItems = runtime.Storage.Queues.GetQueueClient($"{taskHub}-workitems");
        var seen = 0;
        for (var watch = System.Diagnostics.Stopwatch.StartNew(); watch.Elapsed < TimeSpan.FromSeconds(22);)
        {
            var received = await workItems.ReceiveMessageAsync(TimeSpan.FromSeconds(1), timeout.Token);
            if (received.Value is { } message && message.Body.ToString().Contains(instanceId, StringComparison.Ordinal))
            {
                seen++;
                output.WriteLine($"{watch.Elapsed.TotalSeconds:0.0}s: the running activity's message was visible ({message.MessageId})");
            }

            await Task.Delay(250, timeout.Token);
        }

        var ended = await ReleaseWaiter.WaitAsync(runtime.Client, [releaseId], TimeSpan.FromSeconds(60), null, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended[releaseId]);
        Assert.Equal(0, seen);
        Assert.Single(translator.TranslateRequests);
        var record = await runtime.Services.GetRequiredService<ReleaseArtifacts>().ReadJsonAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, timeout.Token);
        Assert.Equal("Translated", record.Translations.Single().Status);
    }
}
