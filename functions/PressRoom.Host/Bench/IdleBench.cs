using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Bench;

/// <summary>What one release at a time on an idle runtime costs and how long it takes.</summary>
public sealed record IdleResult
{
    public required int Releases { get; init; }
    public required int Completed { get; init; }
    public required double P50Ms { get; init; }
    public required double P95Ms { get; init; }
    public required double MaxMs { get; init; }
    public required IReadOnlyList<double> LatenciesMs { get; init; }

    /// <summary>Storage requests per release while releases ran one at a time (the harness's own queue reads taken out).</summary>
    public required double RequestsPerRelease { get; init; }

    /// <summary>Requests per second Azurite answered while the runtime had nothing to do (the engine's queue polling, the blob watcher, leases).</summary>
    public required double IdleRequestsPerSecond { get; init; }

    /// <summary>CPU of the runtime and Azurite with nothing to do, in percent of one core.</summary>
    public required double IdleCpuPercent { get; init; }
}

/// <summary>
/// Uploads releases one at a time, each after the previous one was processed and the runtime sat idle for a while,
/// so every release meets queues the engine has backed off from polling: the latency a single upload sees.
/// </summary>
public static class IdleBench
{
    public static async Task<IdleResult> RunAsync(BenchEnvironment env, int releases, TimeSpan spacing, TimeSpan idle, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(log);
        var generator = new ReleaseGenerator(releases);
        var uploader = env.Runtime.Services.GetRequiredService<ReleaseUploader>();

        // Warm-up (JIT, leases, containers), then the idle runtime alone.
        await log.WriteLineAsync("[bench] idle: warm-up");
        for (int i = 0; i < 2; i++)
        {
            await OneAsync(env, uploader, generator.Next(1000 + i), cancellationToken);
        }

        await log.WriteLineAsync($"[bench] idle: watching the idle runtime for {idle.TotalSeconds:0} s");
        await Task.Delay(spacing, cancellationToken);
        var sampler = env.StartSampling();
        var idleRequests = env.StorageRequests;
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(idle, cancellationToken);
        var idleSeconds = idleClock.Elapsed.TotalSeconds;
        var requestsPerSecond = (env.StorageRequests - idleRequests) / idleSeconds;
        var idleUsage = env.Usage(sampler);
        var idleCpu = (idleUsage.Runtimes.Sum(u => u.CpuSeconds) + idleUsage.StorageCpuSeconds) / idleSeconds * 100;

        var latencies = new List<double>();
        long requests = 0;
        for (int i = 0; i < releases; i++)
        {
            await Task.Delay(spacing, cancellationToken);
            var before = env.StorageRequests;
            var (latency, own) = await OneAsync(env, uploader, generator.Next(i), cancellationToken);
            requests += env.StorageRequests - before - own;
            if (latency is { } ms)
            {
                latencies.Add(ms);
            }

            await log.WriteLineAsync($"[bench] idle: release {i + 1}/{releases}: {latency?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "not processed"} ms");
        }

        // Requests during a release include the idle polling of its duration; that share is the idle rate's, not the release's.
        var sorted = latencies.Order().ToList();
        var idleShare = requestsPerSecond * sorted.Sum() / 1000;
        return new IdleResult
        {
            Releases = releases,
            Completed = sorted.Count,
            P50Ms = Percentile.Of(sorted, 50),
            P95Ms = Percentile.Of(sorted, 95),
            MaxMs = sorted.Count > 0 ? sorted[^1] : double.NaN,
            LatenciesMs = latencies,
            RequestsPerRelease = sorted.Count == 0 ? double.NaN : (requests - idleShare) / sorted.Count,
            IdleRequestsPerSecond = requestsPerSecond,
            IdleCpuPercent = idleCpu,
        };
    }

    /// <summary>Uploads one release and waits for its processed event; returns upload → event time and the harness's own queue reads.</summary>
    static async Task<(double? Ms, long OwnRequests)> OneAsync(BenchEnvironment env, ReleaseUploader uploader, (string Name, string Text) document, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(document.Text));
        var id = await uploader.UploadAsync(document.Name, content, cancellationToken);
        var uploaded = DateTimeOffset.UtcNow;
        var followed = await EndToEndBench.FollowEventsAsync(env.Storage, new HashSet<string>(StringComparer.Ordinal) { id }, new ProcessSampler(), Stopwatch.StartNew(), TimeSpan.FromMinutes(2), cancellationToken);
        return (followed.Events.TryGetValue(id, out var at) ? (at - uploaded).TotalMilliseconds : null, followed.OwnRequests);
    }
}
