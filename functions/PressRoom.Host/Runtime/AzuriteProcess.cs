using System.Diagnostics;
using System.Globalization;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Starts Azurite (from the repository's node_modules) with its data under the runtime's data directory,
/// when no storage connection is configured. Stops what it started, nothing else.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    readonly Process? process;
    readonly StorageRequestTally? requests;

    AzuriteProcess(string connectionString, Process? process, StorageRequestTally? requests = null)
    {
        ConnectionString = connectionString;
        this.process = process;
        this.requests = requests;
    }

    /// <summary>
    /// Requests Azurite has answered since it started, from its access log (one line per request; a table batch is
    /// one request); null unless <see cref="LocalRuntimeOptions.CountAzuriteRequests"/> was set.
    /// </summary>
    public long? RequestCount => requests?.Count;

    /// <summary>The same requests by kind (see <see cref="StorageRequestTally"/>); null when not counted.</summary>
    public IReadOnlyDictionary<string, long>? RequestsByKind() => requests?.ByKind();

    public string ConnectionString { get; }

    /// <summary>True when this process started Azurite (false when one was already listening on the ports).</summary>
    public bool Started => process is not null;

    /// <summary>The Azurite process this runtime started, for measuring its share of a benchmark.</summary>
    public int? ProcessId => process?.Id;

    public static async Task<AzuriteProcess> StartAsync(LocalRuntimeOptions options, CancellationToken cancellationToken)
    {
        var connection = AzuriteConnection.Create(options.AzuriteBlobPort, options.AzuriteQueuePort, options.AzuriteTablePort);
        if (await RespondsAsync(connection, TimeSpan.FromMilliseconds(500), cancellationToken))
        {
            return new AzuriteProcess(connection, null);
        }

        var binary = FindBinary() ?? throw new StartupException(
            "Azurite is not installed: run 'npm ci' in the repository root (./run.sh does it), or set AzureWebJobsStorage to a storage connection.");
        if (FindOnPath("node") is null)
        {
            throw new StartupException(
                "Node.js is not installed (Azurite runs on it): install Node.js 20 and put 'node' on PATH, or set AzureWebJobsStorage to a storage connection.");
        }

        string[] persistence = ["--inMemoryPersistence"];
        if (!options.AzuriteInMemory)
        {
            var location = Path.GetFullPath(Path.Combine(options.DataDirectory, "azurite"));
            Directory.CreateDirectory(location);
            persistence = ["--location", location];
        }

        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in persistence.Concat(
                 [
                     "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                     "--blobHost", "127.0.0.1", "--blobPort", options.AzuriteBlobPort.ToString(CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", options.AzuriteQueuePort.ToString(CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", options.AzuriteTablePort.ToString(CultureInfo.InvariantCulture),
                 ]))
        {
            start.ArgumentList.Add(arg);
        }

        // The access log (one stdout line per request) is on only when requests are counted (benchmarks): writing it costs Azurite CPU.
        var tally = options.CountAzuriteRequests ? new StorageRequestTally() : null;
        if (tally is null)
        {
            start.ArgumentList.Add("--silent");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, line) => tally?.Observe(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await AzuriteConnection.WaitUntilReadyAsync(connection, TimeSpan.FromSeconds(30), cancellationToken);
        return new AzuriteProcess(connection, process, tally);
    }

    static async Task<bool> RespondsAsync(string connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            await AzuriteConnection.WaitUntilReadyAsync(connection, TimeSpan.Zero, cts.Token);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>An executable on PATH, as the shell would find it (Azurite's script starts with "#!/usr/bin/env node").</summary>
    static string? FindOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : [name];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(n => Path.Combine(dir, n)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>node_modules/.bin/azurite above the working directory or the program's directory.</summary>
    static string? FindBinary()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }
}
