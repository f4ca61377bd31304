using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The local durable engine: the Durable Task Framework's Azure Storage backend (the one Durable Functions uses)
/// behind a loopback gRPC task hub server, with a Durable Task SDK worker and client connected to it.
/// Each process runs its own server; processes sharing a task hub split its partitions and work items.
/// </summary>
public static class DurableEngine
{
    public static void AddDurableEngine(this WebApplicationBuilder builder, string connectionString, LocalRuntimeOptions options)
    {
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
            UseInstanceTableEtag = true,
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));

        var grpcPort = FreeLoopbackPort();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2));

        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.AddSingleton(new DurableEngineEndpoint(grpcPort));

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        builder.Services.AddSingleton(channel);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(tasks => tasks.AddPressRoomTasks());
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(channel));
    }

    /// <summary>Creates the task hub's queues and tables, then maps the task hub server; call before the app starts.</summary>
    public static async Task MapDurableEngineAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();
        var endpoint = app.Services.GetRequiredService<DurableEngineEndpoint>();

        // The task hub server answers only on its own loopback port, never on the API port.
        app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{endpoint.Port}");
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The loopback port of this process's task hub server.</summary>
public sealed record DurableEngineEndpoint(int Port);
