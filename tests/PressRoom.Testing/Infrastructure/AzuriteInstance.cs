using System.Diagnostics;
using System.Globalization;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Infrastructure;

/// <summary>A private, in-memory Azurite on free loopback ports: real storage, isolated per test that needs it.</summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    readonly Process process;

    AzuriteInstance(Process process, string connectionString, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        ConnectionString = connectionString;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public string ConnectionString { get; }

    /// <summary>What Azurite printed, for diagnosing a failed test.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; private init; } = new();

    public bool HasExited => process.HasExited;
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public PressRoomStorage CreateStorage() => PressRoomStorage.FromConnectionString(ConnectionString);

    /// <param name="location">A data folder (persistent, survives a restart); null for in-memory.</param>
    public static async Task<AzuriteInstance> StartAsync(string? location = null, int? blobPort = null, int? queuePort = null, int? tablePort = null)
    {
        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run 'npm ci' in the repository root (./test.sh does this).");
        }

        int blob = blobPort ?? LoopbackPort.Free(), queue = queuePort ?? LoopbackPort.Free(), table = tablePort ?? LoopbackPort.Free();
        var start = new ProcessStartInfo(azurite) { RedirectStandardOutput = true, RedirectStandardError = true };
        var args = new List<string> { "--skipApiVersionCheck", "--loose", "--disableTelemetry" };
        args.AddRange(location is null ? ["--inMemoryPersistence"] : ["--location", location]);
        args.AddRange(
        [
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
        ]);
        args.ForEach(start.ArgumentList.Add);
        var process = Process.Start(start)!;
        var instanceLog = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) instanceLog.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) instanceLog.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var connection = AzuriteConnection.Create(blob, queue, table);
        await AzuriteConnection.WaitUntilReadyAsync(connection, TimeSpan.FromSeconds(30));
        return new AzuriteInstance(process, connection, blob, queue, table) { Log = instanceLog };
    }

    /// <summary>SIGTERM, so a persistent Azurite saves its data before it exits (a restart, not a crash).</summary>
    public async Task StopGracefullyAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
