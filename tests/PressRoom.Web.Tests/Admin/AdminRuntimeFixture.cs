using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Admin;

/// <summary>
/// One private Azurite and one real local runtime (durable engine, HTTP API) for a test class, with admin and reader
/// keys configured and the entity provider scripted to fail, stall or flake for marked releases.
/// </summary>
public sealed class AdminRuntimeFixture : IAsyncLifetime
{
    // Test-only keys for a loopback runtime that lives for one test class.
    public const string AdminKey = "test-admin-key-0a1b2c";
    public const string ReaderKey = "test-reader-key-3d4e5f";

    /// <summary>Short, so a stalled release shows as stuck within a test.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(3);

    AzuriteInstance? azurite;
    LocalRuntime? runtime;

    public ProviderScript Script { get; } = new();

    public LocalRuntime Runtime => runtime ?? throw new InvalidOperationException("Not started.");

    public DurableTaskClient Client => Runtime.Client;

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        azurite = await AzuriteInstance.StartAsync();
        runtime = await TestRuntime.StartAsync(
            azurite.ConnectionString,
            watch: false,
            services =>
            {
                services.AddSingleton(Script);
                services.RemoveAll<IEntityExtractor>();
                services.AddSingleton<IEntityExtractor>(sp => new ScriptedEntityExtractor(ActivatorUtilities.CreateInstance<BuiltinEntityExtractor>(sp), Script));
            },
            $"Api:AdminKey={AdminKey}",
            $"Api:ReaderKey={ReaderKey}",
            "PressRoom:Engine:MaxQueuePollingInterval=00:00:00.250",
            "Telemetry:GaugeInterval=00:00:01",
            $"Admin:StuckAfter={StuckAfter}");
        Http = new HttpClient { BaseAddress = new Uri(runtime.Url), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Uploads the seed release, optionally with a marker line, and schedules it; returns the release id.</summary>
    public async Task<string> StartReleaseAsync(string blobName, string? marker = null)
    {
        var text = await File.ReadAllTextAsync(RepoPaths.SeedRelease);
        if (marker is not null)
        {
            text += $"\n\n{marker}\n";
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Runtime.Services.GetRequiredService<ReleaseUploader>().UploadAsync(blobName, content, CancellationToken.None);
        var result = await Runtime.Services.GetRequiredService<ReleaseIntake>().OfferAsync(Client, blobName, "test", CancellationToken.None);
        return result.ReleaseId;
    }

    public async Task<OrchestrationMetadata> WaitForAsync(string releaseId, Func<OrchestrationMetadata, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        OrchestrationMetadata? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await Client.GetInstanceAsync(ReleaseIdentity.InstanceId(releaseId), getInputsAndOutputs: true);
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Release {releaseId} did not reach the expected state; last: {last?.RuntimeStatus} {last?.SerializedCustomStatus} failure: {last?.FailureDetails} output: {last?.SerializedOutput}");
    }

    public Task<OrchestrationMetadata> WaitForStatusAsync(string releaseId, OrchestrationRuntimeStatus status) =>
        WaitForAsync(releaseId, i => i.RuntimeStatus == status);

    public async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpMethod method, string path, string? key = AdminKey, string? reason = null, string? user = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add(AdminAccess.KeyHeader, key);
        }

        if (user is not null)
        {
            request.Headers.Add(AdminAccess.UserHeader, user);
        }

        if (reason is not null)
        {
            request.Content = JsonContent.Create(new { reason });
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    public async Task DisposeAsync()
    {
        Script.ReleaseHangs();
        Http.Dispose();
        if (runtime is not null)
        {
            await runtime.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
