using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Functions;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Functions;

/// <summary>The blob trigger function called directly, as the Functions host would on repeated Event Grid deliveries.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestReleaseTests(AzuriteFixture azurite)
{
    ServiceProvider Services() => new ServiceCollection()
        .AddLogging()
        .AddPressRoomPipeline(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageNames.ConnectionName] = azurite.ConnectionString,
        }).Build())
        .BuildServiceProvider();

    [Fact]
    public async Task Three_deliveries_of_one_blob_event_schedule_one_orchestration_with_a_deterministic_id()
    {
        await using var services = Services();
        var storage = services.GetRequiredService<PressRoomStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var name = $"functions/{Guid.NewGuid():N}.txt";
        await using (var seed = File.OpenRead(RepoPaths.SeedRelease))
        {
            await services.GetRequiredService<ReleaseUploader>().UploadAsync(name, seed, CancellationToken.None);
        }

        var function = new IngestRelease(services.GetRequiredService<ReleaseIntake>());
        var client = new FakeDurableTaskClient();
        var blob = storage.ReleasesContainer.GetBlobClient(name);
        var results = new List<ScheduleResult>();
        for (int i = 0; i < 3; i++)
        {
            results.Add(await function.Run(blob, name, client, new TestFunctionContext()));
        }

        var scheduled = Assert.Single(client.Scheduled);
        Assert.Equal(TaskNames.ProcessRelease, scheduled.Name);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(RepoPaths.SeedRelease)));
        Assert.Equal(ReleaseIdentity.InstanceId(ReleaseIdentity.ReleaseId(name, sha)), scheduled.InstanceId);
        Assert.Equal([true, false, false], results.Select(r => r.Started));
        var input = Assert.IsType<ReleaseInput>(scheduled.Input);
        Assert.Equal(name, input.BlobName);
        Assert.Equal(sha, input.ContentSha256);
    }

    [Fact]
    public async Task A_failed_release_is_started_again_by_the_next_delivery_but_a_completed_one_is_not()
    {
        await using var services = Services();
        var storage = services.GetRequiredService<PressRoomStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var name = $"functions/{Guid.NewGuid():N}.txt";
        using (var content = new MemoryStream("بيان\n\nنص البيان."u8.ToArray()))
        {
            await services.GetRequiredService<ReleaseUploader>().UploadAsync(name, content, CancellationToken.None);
        }

        var function = new IngestRelease(services.GetRequiredService<ReleaseIntake>());
        var client = new FakeDurableTaskClient();
        var blob = storage.ReleasesContainer.GetBlobClient(name);
        var first = await function.Run(blob, name, client, new TestFunctionContext());

        client.SetStatus(first.InstanceId, OrchestrationRuntimeStatus.Failed);
        Assert.True((await function.Run(blob, name, client, new TestFunctionContext())).Started);

        client.SetStatus(first.InstanceId, OrchestrationRuntimeStatus.Completed);
        Assert.False((await function.Run(blob, name, client, new TestFunctionContext())).Started);
        Assert.Equal(2, client.Scheduled.Count);
    }
}
