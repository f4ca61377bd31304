using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Console;
using PressRoom.Host.Bench;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Maintenance;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The local runtime in one process: storage (Azurite started on demand), the durable engine, the blob watcher
/// and the HTTP API on loopback. <c>pressroom serve</c> and <c>pressroom run</c> both start one.
/// </summary>
public sealed class LocalRuntime : IAsyncDisposable
{
    readonly WebApplication app;
    readonly DurableEngine engine;
    readonly AzuriteProcess? azurite;
    int disposed;

    LocalRuntime(WebApplication app, DurableEngine engine, AzuriteProcess? azurite)
    {
        this.app = app;
        this.engine = engine;
        this.azurite = azurite;
    }

    public IServiceProvider Services => app.Services;

    public DurableTaskClient Client => app.Services.GetRequiredService<DurableTaskClient>();

    public PressRoomStorage Storage => app.Services.GetRequiredService<PressRoomStorage>();

    public string Url { get; private init; } = string.Empty;

    /// <summary>True when this runtime started (or reused) Azurite because no storage was configured.</summary>
    public bool UsesLocalAzurite => azurite is not null;

    /// <summary>Where the local Azurite keeps its data, when this runtime uses one.</summary>
    public string? AzuriteDataDirectory { get; private init; }

    /// <param name="configureServices">Runs after the pipeline is registered, so a caller (a test) can replace a provider.</param>
    public static async Task<LocalRuntime> StartAsync(string[] args, bool watch, CancellationToken cancellationToken, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        ConfigureLogging(builder.Logging);
        LocalRuntimeSettings.Validate(builder.Configuration);
        var options = builder.Configuration.GetSection(LocalRuntimeOptions.Section).Get<LocalRuntimeOptions>() ?? new LocalRuntimeOptions();
        builder.Services.Configure<LocalRuntimeOptions>(builder.Configuration.GetSection(LocalRuntimeOptions.Section));

        // Nothing here needs 30 s to drain: in-flight work is durable and resumes elsewhere.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

        AzuriteProcess? azurite = null;
        DurableEngine? engine = null;
        var connection = builder.Configuration[StorageNames.ConnectionName];
        try
        {
            if (string.IsNullOrEmpty(connection))
            {
                azurite = await AzuriteProcess.StartAsync(options, cancellationToken);
                connection = azurite.ConnectionString;
                builder.Configuration[StorageNames.ConnectionName] = connection;
            }

            var storage = PressRoomStorage.FromConfiguration(builder.Configuration);
            await storage.EnsureCreatedAsync(cancellationToken);
            engine = await DurableEngine.StartAsync(connection, options, ConfigureLogging, cancellationToken);

            builder.Services.AddPressRoomPipeline(builder.Configuration).AddPressRoomApi(builder.Configuration);
            // The bench no-op tasks measure the engine ceiling on the same engine; only runtimes started by the bench have them.
            engine.AddWorkerAndClient(builder.Services, options.BenchTasks ? tasks => tasks.AddBenchTasks() : null);
            builder.Services.AddHistoryPurge(builder.Configuration);
            builder.Services.AddHostedService<HistoryPurgeService>();
            LocalTelemetry.Add(builder.Services, builder.Configuration);
            configureServices?.Invoke(builder.Services);
            if (watch)
            {
                builder.Services.AddSingleton<ReleaseBlobLister>();
                builder.Services.AddHostedService<BlobWatcher>();
            }

            var apiUri = new Uri(options.Url);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, apiUri.Port));

            var app = builder.Build();
            app.UseMiddleware<RequestBodyErrors>();
            app.UseMiddleware<LoopbackRequestGuard>();
            app.MapPressRoomApi();
            await app.StartAsync(cancellationToken);
            return new LocalRuntime(app, engine, azurite)
            {
                Url = app.Urls.Select(u => u.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)).First(),
                AzuriteDataDirectory = azurite is null ? null : Path.Combine(options.DataDirectory, "azurite"),
            };
        }
        catch
        {
            if (engine is not null)
            {
                await engine.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Logs go to stderr (stdout belongs to command output: tables, JSON), one escaped line each, framework noise at Warning.</summary>
    static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.FormatterName = EscapingConsoleFormatter.Name);
        logging.AddConsoleFormatter<EscapingConsoleFormatter, ConsoleFormatterOptions>();
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("DurableTask", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Safe to call twice (an <c>await using</c> plus an explicit stop); the second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // Worker first (it ends its stream), then the engine, then storage.
        await app.StopAsync();
        await app.DisposeAsync();
        await engine.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
