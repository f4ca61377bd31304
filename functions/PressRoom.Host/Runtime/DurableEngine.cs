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
/// The local durable engine: the Durable Task Framework's Azure Storage backend (the one Durable Functions uses) and a
/// loopback gRPC task hub server for the Durable Task SDK's client (API, CLI, purge). What runs the work depends on
/// <see cref="DurableEngineOptions.Host"/>: DTFx's own <c>TaskHubWorker</c> in process (<see cref="InProcessTaskHubWorker"/>,
/// the default; the server then answers the client only), or the server's dispatcher feeding the SDK's gRPC worker.
/// The server runs in its own small host that is listening before the SDK worker and client connect, and stops after
/// they have gone. Each process runs its own engine; processes sharing a task hub split its partitions and work items.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    static readonly TimeSpan StopWait = TimeSpan.FromSeconds(30);

    readonly WebApplication server;
    int disposed;

    DurableEngine(WebApplication server, GrpcChannel channel, AzureStorageOrchestrationService service, EngineHost host)
    {
        this.server = server;
        Channel = channel;
        Service = service;
        Host = host;
        WorkerService = host == EngineHost.TaskHubWorker
            ? server.Services.GetRequiredService<GuardedOrchestrationService>()
            : server.Services.GetRequiredService<IOrchestrationService>();
    }

    public EngineHost Host { get; }

    /// <summary>
    /// The backend as the worker that runs the work sees it (lifecycle-guarded; with the sidecar host also renewing
    /// activity locks). The engine stops it last, whatever state the worker left it in.
    /// </summary>
    public IOrchestrationService WorkerService { get; }

    /// <summary>What the gRPC server dispatches from: with the in-process host, a service that never hands out work.</summary>
    public IOrchestrationService SidecarService => server.Services.GetRequiredService<IOrchestrationService>();

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
        builder.Services.AddSingleton<StrandedSessions>();
        builder.Services.AddSingleton(sp => EngineSettings.CreateBackend(
            connectionString, options, sp.GetRequiredService<StrandedSessions>().Observe(sp.GetRequiredService<ILoggerFactory>())));
        if (engine.Host == EngineHost.TaskHubWorker)
        {
            // The in-process TaskHubWorker runs every work item; the server only answers the client.
            builder.Services.AddSingleton(sp => new GuardedOrchestrationService(
                sp.GetRequiredService<AzureStorageOrchestrationService>(), sp.GetRequiredService<StrandedSessions>(), sp.GetRequiredService<ILogger<GuardedOrchestrationService>>()));
            builder.Services.AddSingleton<IOrchestrationService>(sp => new ApiOnlyOrchestrationService(sp.GetRequiredService<AzureStorageOrchestrationService>()));
            builder.Services.Configure<TaskHubGrpcServerOptions>(o => o.Mode = TaskHubGrpcServerMode.ApiServerOnly);
        }
        else
        {
            // The sidecar's dispatcher never renews activity locks; this decorator does.
            builder.Services.AddSingleton<IOrchestrationService>(sp => new ActivityLockRenewingService(
                sp.GetRequiredService<AzureStorageOrchestrationService>(),
                sp.GetRequiredService<StrandedSessions>(),
                engine.WorkItemVisibilityTimeout / 3,
                sp.GetRequiredService<ILogger<ActivityLockRenewingService>>()));
        }

        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        builder.Services.AddGrpc();

        var server = builder.Build();
        try
        {
            var service = server.Services.GetRequiredService<AzureStorageOrchestrationService>();
            await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
            server.MapGrpcService<TaskHubGrpcServer>();
            await server.StartAsync(cancellationToken);

            var address = server.Urls.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
            return new DurableEngine(server, GrpcChannel.ForAddress(address), service, engine.Host);
        }
        catch
        {
            // A start cancelled or failed half-way must not leave a listening server behind.
            await StopQuietlyAsync(server);
            throw;
        }
    }

    static async Task StopQuietlyAsync(WebApplication server)
    {
        try
        {
            await server.StopAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or ObjectDisposedException)
        {
            // Never started: nothing to stop.
        }

        await server.DisposeAsync();
    }

    /// <summary>Registers the Durable Task SDK worker (running the pipeline's tasks, plus <paramref name="moreTasks"/>) and client on this engine.</summary>
    public void AddWorkerAndClient(IServiceCollection services, Action<DurableTaskRegistry>? moreTasks = null)
    {
        services.AddSingleton(this);
        services.AddSingleton<InProcessWorkCounters>();
        services.AddDurableTaskWorker(worker =>
        {
            if (Host == EngineHost.TaskHubWorker)
            {
                worker.UseBuildTarget<InProcessTaskHubWorker>();
            }
            else
            {
                worker.UseGrpc(Channel);
            }

            worker.AddTasks(tasks =>
            {
                tasks.AddPressRoomTasks();
                moreTasks?.Invoke(tasks);
            });
        });
        services.AddDurableTaskClient(client => client.UseGrpc(Channel));
        services.Replace(ServiceDescriptor.Singleton<IOrchestrationBackend, AzureStorageBackend>());
    }

    /// <summary>Safe in every state (the worker never connected, the backend still starting) and safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await server.StopAsync();

        // The sidecar stops the backend from a fire-and-forget handler, the in-process worker when the app stops; wait for
        // that same stop (it is idempotent and never throws), or make it if nothing did (a worker that never started), so
        // no lease loop outlives the engine and touches storage that is being shut down.
        await Task.WhenAny(WorkerService.StopAsync(), Task.Delay(StopWait));
        await server.DisposeAsync();
        Channel.Dispose();
    }

}
