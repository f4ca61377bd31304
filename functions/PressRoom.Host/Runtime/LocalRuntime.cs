using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Console;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The local runtime in one process: storage (Azurite started on demand), the durable engine, the blob watcher
/// and the HTTP API on loopback. <c>pressroom serve</c> and <c>pressroom run</c> both start one.
/// </summary>
public sealed class LocalRuntime : IAsyncDisposable
{
    readonly WebApplication app;
    readonly AzuriteProcess? azurite;

    LocalRuntime(WebApplication app, AzuriteProcess? azurite)
    {
        this.app = app;
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

    public static async Task<LocalRuntime> StartAsync(string[] args, bool watch, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);

        // stdout belongs to command output (tables, JSON); logs go to stderr.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var options = builder.Configuration.GetSection(LocalRuntimeOptions.Section).Get<LocalRuntimeOptions>() ?? new LocalRuntimeOptions();
        builder.Services.Configure<LocalRuntimeOptions>(builder.Configuration.GetSection(LocalRuntimeOptions.Section));

        AzuriteProcess? azurite = null;
        var connection = builder.Configuration[StorageNames.ConnectionName];
        if (string.IsNullOrEmpty(connection))
        {
            azurite = await AzuriteProcess.StartAsync(options, cancellationToken);
            connection = azurite.ConnectionString;
            builder.Configuration[StorageNames.ConnectionName] = connection;
        }

        try
        {
            var storage = PressRoomStorage.FromConfiguration(builder.Configuration);
            await storage.EnsureCreatedAsync(cancellationToken);

            builder.Services.AddPressRoomPipeline(builder.Configuration);
            builder.AddDurableEngine(
                connection ?? throw new InvalidOperationException("The local durable engine needs a storage connection string in AzureWebJobsStorage."),
                options);
            if (watch)
            {
                builder.Services.AddHostedService<BlobWatcher>();
            }

            var apiUri = new Uri(options.Url);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, apiUri.Port));

            var app = builder.Build();
            await app.MapDurableEngineAsync();
            app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
            await app.StartAsync(cancellationToken);
            return new LocalRuntime(app, azurite)
            {
                Url = ApiAddress(app, apiUri.Port),
                AzuriteDataDirectory = azurite is null ? null : Path.Combine(options.DataDirectory, "azurite"),
            };
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The bound API address (the configured port may be 0: any free port).</summary>
    static string ApiAddress(WebApplication app, int configuredPort)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        var grpcPort = app.Services.GetRequiredService<DurableEngineEndpoint>().Port;
        return addresses.Select(a => new Uri(a)).Where(u => u.Port != grpcPort && (configuredPort == 0 || u.Port == configuredPort))
            .Select(u => $"http://127.0.0.1:{u.Port}").FirstOrDefault() ?? $"http://127.0.0.1:{configuredPort}";
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
