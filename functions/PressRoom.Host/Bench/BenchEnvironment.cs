using Microsoft.Extensions.Options;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Bench;

/// <summary>Where the benchmark's Azurite keeps its data: on disk like <c>pressroom serve</c>, or in memory.</summary>
public enum BenchStorage
{
    Disk,
    Memory,
}

/// <summary>
/// A fresh, private setup for one benchmark: its own Azurite (data in a temp folder), one runtime in this process,
/// and optionally more runtime processes on the same task hub.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    readonly AzuriteProcess azurite;
    readonly List<RuntimeProcess> children;
    readonly string dataDirectory;

    BenchEnvironment(AzuriteProcess azurite, LocalRuntime runtime, List<RuntimeProcess> children, string dataDirectory)
    {
        this.azurite = azurite;
        Runtime = runtime;
        this.children = children;
        this.dataDirectory = dataDirectory;
    }

    public LocalRuntime Runtime { get; }

    public PressRoomStorage Storage => Runtime.Storage;

    public IEnumerable<int> ProcessIds => children.Select(c => c.Id).Prepend(Environment.ProcessId);

    /// <summary>Azurite's process (always started by the benchmark, so always known).</summary>
    public int StorageProcessId => azurite.ProcessId ?? throw new InvalidOperationException("The benchmark's Azurite was not started by it.");

    /// <summary>Requests the benchmark's Azurite has answered so far (its access log is counted).</summary>
    public long StorageRequests => azurite.RequestCount ?? 0;

    /// <summary>The same requests by kind (method and resource, keys and ids taken out).</summary>
    public IReadOnlyDictionary<string, long> StorageRequestsByKind() => azurite.RequestsByKind() ?? new Dictionary<string, long>();

    /// <summary>Starts sampling the runtime processes and Azurite.</summary>
    public ProcessSampler StartSampling()
    {
        var sampler = new ProcessSampler();
        sampler.Start(ProcessIds.Append(StorageProcessId));
        return sampler;
    }

    /// <summary>CPU and peak memory per runtime process, and Azurite's CPU seconds, from a sampler of <see cref="StartSampling"/>.</summary>
    public (IReadOnlyList<(int Pid, double CpuSeconds, double PeakMiB)> Runtimes, double StorageCpuSeconds) Usage(ProcessSampler sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        var result = sampler.Result();
        return (result.Where(kv => kv.Key != StorageProcessId).Select(kv => (kv.Key, kv.Value.CpuSeconds, kv.Value.PeakMiB)).ToList(), result[StorageProcessId].CpuSeconds);
    }

    public static async Task<BenchEnvironment> StartAsync(int processes, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken, BenchStorage storage = BenchStorage.Disk)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("pressroom-bench-").FullName;
        var options = new LocalRuntimeOptions
        {
            DataDirectory = dataDirectory,
            AzuriteBlobPort = LoopbackPort.Free(),
            AzuriteQueuePort = LoopbackPort.Free(),
            AzuriteTablePort = LoopbackPort.Free(),
            AzuriteInMemory = storage == BenchStorage.Memory,
            CountAzuriteRequests = true,
        };
        var azurite = await AzuriteProcess.StartAsync(options, cancellationToken);
        var taskHub = "bench" + Guid.NewGuid().ToString("N")[..10];
        var args = settings.Select(kv => $"--{kv.Key.Replace("__", ":", StringComparison.Ordinal)}={kv.Value}")
            .Concat([$"--AzureWebJobsStorage={azurite.ConnectionString}", $"--PressRoom:TaskHub={taskHub}", "--PressRoom:Url=http://127.0.0.1:0", "--PressRoom:BenchTasks=true"])
            .ToArray();
        var runtime = await LocalRuntime.StartAsync(args, watch: true, cancellationToken);
        var children = new List<RuntimeProcess>();
        for (int i = 1; i < processes; i++)
        {
            var env = new Dictionary<string, string>(settings, StringComparer.Ordinal) { ["PressRoom__TaskHub"] = taskHub, ["PressRoom__BenchTasks"] = "true" };
            children.Add(RuntimeProcess.Start(RuntimeProcess.OwnDll, azurite.ConnectionString, env));
        }

        if (processes > 1)
        {
            var partitions = runtime.Services.GetRequiredService<IOptions<LocalRuntimeOptions>>().Value.Engine.PartitionCount;
            var settled = await PartitionBalance.WaitAsync(azurite.ConnectionString, taskHub, processes, partitions, TimeSpan.FromMinutes(2), cancellationToken);
            await Console.Error.WriteLineAsync($"[bench] {partitions} partitions split over {processes} processes after {settled.TotalSeconds:0} s");
        }

        return new BenchEnvironment(azurite, runtime, children, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in children)
        {
            await child.DisposeAsync();
        }

        await Runtime.DisposeAsync();
        await azurite.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
