using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PressRoom.Pipeline.Admin;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The local durable engine: the Durable Task Framework's Azure Storage backend (the one Durable Functions uses)
/// behind a loopback gRPC task hub server. It runs in its own small host that is listening before the
/// Durable Task SDK worker and client connect, and stops after they have gone.
/// Each process runs its own server; processes sharing a task hub split its partitions and work items.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    readonly WebApplication server;

    DurableEngine(WebApplication server, GrpcChannel channel, AzureStorageOrchestrationService service)
    {
        this.server = server;
        Channel = channel;
        Service = service;
    }

    public GrpcChannel Channel { get; }

    /// <summary>The backend itself, for what the gRPC API lacks (full history of finished instances).</summary>
    public AzureStorageOrchestrationService Service { get; }

    public static async Task<DurableEngine> StartAsync(string connectionString, LocalRuntimeOptions options, Action<ILoggingBuilder> logging, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging(builder.Logging);

        // Worker streams end when the worker stops; don't hold shutdown for the default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        var engine = options.Engine;
        builder.Services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = options.TaskHub,
            WorkerId = WorkerIdentity.Current,
            PartitionCount = engine.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = engine.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = engine.ControlQueueVisibilityTimeout,
            MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
            LeaseInterval = engine.LeaseInterval,
            LeaseRenewInterval = engine.LeaseRenewInterval,
            LeaseAcquireInterval = engine.LeaseAcquireInterval,
            UseTablePartitionManagement = true,

            // The default 2 s is too tight for Azurite on a busy machine; a timeout there costs a lease cycle.
            PartitionTableOperationTimeout = TimeSpan.FromSeconds(15),
            UseInstanceTableEtag = true,
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));
        builder.Services.AddSingleton<IOrchestrationService>(sp => new ActivityLockRenewingService(
            sp.GetRequiredService<AzureStorageOrchestrationService>(),
            engine.WorkItemVisibilityTimeout / 3,
            sp.GetRequiredService<ILogger<ActivityLockRenewingService>>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.AddGrpc();

        var server = builder.Build();
        var service = server.Services.GetRequiredService<AzureStorageOrchestrationService>();
        await service.CreateIfNotExistsAsync();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken);

        var address = server.Urls.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return new DurableEngine(server, GrpcChannel.ForAddress(address), service);
    }

    /// <summary>Registers the Durable Task SDK worker (running the pipeline's tasks, plus <paramref name="moreTasks"/>) and client on this engine.</summary>
    public void AddWorkerAndClient(IServiceCollection services, Action<DurableTaskRegistry>? moreTasks = null)
    {
        services.AddSingleton(this);
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(Channel);
            worker.AddTasks(tasks =>
            {
                tasks.AddPressRoomTasks();
                moreTasks?.Invoke(tasks);
            });
        });
        services.AddDurableTaskClient(client => client.UseGrpc(Channel));
        services.Replace(ServiceDescriptor.Singleton<IOrchestrationBackend, AzureStorageBackend>());
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        await server.DisposeAsync();
        Channel.Dispose();
    }
}
