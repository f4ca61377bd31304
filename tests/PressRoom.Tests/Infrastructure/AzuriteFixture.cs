using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Infrastructure;

/// <summary>
/// Real Azurite for the tests. <c>./test.sh</c> starts one and passes its connection string in
/// <c>PRESSROOM_TEST_STORAGE</c>; without it (an IDE run) this fixture starts its own on free ports.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    Process? process;
    string? dataDir;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("PRESSROOM_TEST_STORAGE");
        if (!string.IsNullOrEmpty(external))
        {
            ConnectionString = external;
            return;
        }

        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run 'npm ci' in the repository root (./test.sh does this).");
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        dataDir = Directory.CreateTempSubdirectory("pressroom-azurite-").FullName;
        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", dataDir,
                     "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        ConnectionString = AzuriteConnection.Create(blob, queue, table);
        await AzuriteConnection.WaitUntilReadyAsync(ConnectionString, TimeSpan.FromSeconds(30));
    }

    public PressRoomStorage CreateStorage() => PressRoomStorage.FromConnectionString(ConnectionString);

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process?.Dispose();
        if (dataDir is not null)
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }

        return Task.CompletedTask;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
