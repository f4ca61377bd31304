using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Bench;

/// <summary>What a soak run is asked to do.</summary>
public sealed record SoakPlan(TimeSpan Duration, int ReleasesPerMinute, TimeSpan SampleInterval, TimeSpan DrainTimeout, BenchStorage Storage = BenchStorage.Disk);

/// <summary>What a soak run measured.</summary>
public sealed record SoakResult(SoakPlan Plan, int Pid, IReadOnlyList<SoakSample> Samples, int Uploaded, int Processed, double? DrainSeconds, double P50Ms, double P95Ms);

/// <summary>
/// Steady uploads for a fixed time through the runtime in this process (so its GC heap can be read directly), with
/// the process's resident memory, GC heap, open handles and threads sampled on an interval, and the pipeline's
/// backlog and latency followed from the <c>release-events</c> queue. The trend over the second half says whether
/// anything grows.
/// </summary>
public static class SoakBench
{
    public static async Task<SoakResult> RunAsync(BenchEnvironment env, SoakPlan plan, int seed, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        var pid = Environment.ProcessId;
        var uploader = env.Runtime.Services.GetRequiredService<ReleaseUploader>();
        var generator = new ReleaseGenerator(seed);
        var uploadedAt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var latencies = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        using var stopFollowing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var arrivals = new ConcurrentQueue<double>();
        var follower = FollowAsync(env.Storage, uploadedAt, latencies, arrivals, stopFollowing.Token);

        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        var nextSample = TimeSpan.Zero;
        var period = TimeSpan.FromMinutes(1.0 / plan.ReleasesPerMinute);
        var nextUpload = TimeSpan.Zero;
        var index = 0;
        var uploads = new List<Task>();
        while (clock.Elapsed < plan.Duration)
        {
            if (clock.Elapsed >= nextUpload)
            {
                // Steady rate: uploads start on schedule whatever the previous one took (not awaited here), and the
                // schedule advances by the period, without catching up in bursts after a stall.
                var (name, text) = generator.Next(index++);
                uploads.RemoveAll(u => u.IsCompleted);
                uploads.Add(UploadAsync(uploader, name, text, uploadedAt, cancellationToken));
                nextUpload += period;
                if (nextUpload < clock.Elapsed)
                {
                    nextUpload = clock.Elapsed;
                }
            }

            if (clock.Elapsed >= nextSample)
            {
                var recent = new List<double>();
                while (arrivals.TryDequeue(out var latency))
                {
                    recent.Add(latency);
                }

                recent.Sort();
                var sample = Sample(pid, clock.Elapsed, uploadedAt.Count, latencies.Count, recent);
                samples.Add(sample);
                await progress.WriteLineAsync(Line(sample));
                nextSample += plan.SampleInterval;
            }

            var wait = Min(nextUpload, nextSample) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }

        // Uploads stop; the backlog drains.
        await Task.WhenAll(uploads);
        var stoppedAt = clock.Elapsed;
        while (latencies.Count < uploadedAt.Count && clock.Elapsed - stoppedAt < plan.DrainTimeout)
        {
            await Task.Delay(500, cancellationToken);
        }

        double? drainSeconds = latencies.Count >= uploadedAt.Count ? (clock.Elapsed - stoppedAt).TotalSeconds : null;
        await stopFollowing.CancelAsync();
        await follower;
        var all = latencies.Values.Order().ToList();
        return new SoakResult(plan, pid, samples, uploadedAt.Count, latencies.Count, drainSeconds, Percentile.Of(all, 50), Percentile.Of(all, 95));
    }

    static async Task UploadAsync(ReleaseUploader uploader, string name, string text, ConcurrentDictionary<string, DateTimeOffset> uploadedAt, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var id = await uploader.UploadAsync(name, content, cancellationToken);
        uploadedAt.TryAdd(id, DateTimeOffset.UtcNow);
    }

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <param name="recent">Latencies of releases processed since the previous sample, sorted.</param>
    static SoakSample Sample(int pid, TimeSpan elapsed, int uploaded, int processed, List<double> recent) => new(
        Math.Round(elapsed.TotalMinutes, 3),
        uploaded,
        processed,
        ProcessSampler.Rss(pid) / 1024.0 / 1024.0,
        GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0,
        ProcessSampler.Handles(pid),
        ProcessSampler.Threads(pid),
        recent.Count == 0 ? null : Percentile.Of(recent, 50));

    /// <summary>Reads (and deletes) release events, recording each uploaded release's upload-to-event latency once.</summary>
    static async Task FollowAsync(PressRoomStorage storage, ConcurrentDictionary<string, DateTimeOffset> uploadedAt, ConcurrentDictionary<string, double> latencies, ConcurrentQueue<double> arrivals, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var batch = await storage.EventsQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken);
                foreach (var message in batch.Value)
                {
                    using (var json = JsonDocument.Parse(message.Body.ToString()))
                    {
                        var subject = json.RootElement.GetProperty("subject").GetString()!;
                        if (uploadedAt.TryGetValue(subject, out var uploaded))
                        {
                            var latency = (json.RootElement.GetProperty("time").GetDateTimeOffset() - uploaded).TotalMilliseconds;
                            if (latencies.TryAdd(subject, latency))
                            {
                                arrivals.Enqueue(latency);
                            }
                        }
                    }

                    await storage.EventsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }

                if (batch.Value.Length == 0)
                {
                    await Task.Delay(250, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    static string Line(SoakSample s) => string.Create(CultureInfo.InvariantCulture,
        $"[soak] {s.Minutes,6:0.00} min  uploaded {s.Uploaded,5}  processed {s.Processed,5}  backlog {s.Backlog,4}  p50 {(s.P50LatencyMs is { } p ? $"{p:0} ms" : "–"),9}  RSS {s.RssMiB,6:0.0} MiB  GC heap {s.GcHeapMiB,6:0.0} MiB  handles {s.Handles,4}  threads {s.Threads,3}");

    /// <summary>The markdown report: samples, the trend per resource and the verdict.</summary>
    public static string Report(SoakResult result, IReadOnlyList<Trend> trends)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(trends);
        var plan = result.Plan;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; load average at the end {LoadAverage()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine(CultureInfo.InvariantCulture, $"Soak: {plan.Duration.TotalMinutes:0.#} min of uploads at {plan.ReleasesPerMinute}/min, sampled every {plan.SampleInterval.TotalSeconds:0} s; Azurite data {plan.Storage}; runtime in the bench process (pid {result.Pid}).");
        md.AppendLine();
        md.AppendLine("| min | uploaded | processed | backlog | p50 latency (ms) | RSS (MiB) | GC heap (MiB) | handles | threads |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in result.Samples)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Minutes:0.00} | {s.Uploaded} | {s.Processed} | {s.Backlog} | {(s.P50LatencyMs is { } p ? p.ToString("0", CultureInfo.InvariantCulture) : "–")} | {s.RssMiB:0.0} | {s.GcHeapMiB:0.0} | {s.Handles} | {s.Threads} |");
        }

        md.AppendLine();
        md.AppendLine("Trend over the second half (least-squares slope ± half-width of its 95 % confidence interval):");
        md.AppendLine();
        md.AppendLine("| resource | slope | threshold | verdict |");
        md.AppendLine("|---|---:|---:|---|");
        foreach (var t in trends)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Resource} | {t.SlopePerMinute:+0.00;-0.00;0.00} ± {t.Confidence95:0.00} {t.Unit} | {t.MaxPerMinute:0.##} {t.Unit} | {(t.Growing ? "GROWING" : "flat")} |");
        }

        md.AppendLine();
        var drained = result.DrainSeconds is { } d ? $"drained in {d:0} s after uploads stopped" : $"NOT drained within {plan.DrainTimeout.TotalMinutes:0} min";
        md.AppendLine(CultureInfo.InvariantCulture, $"Releases: {result.Uploaded} uploaded, {result.Processed} processed ({drained}); upload-to-event latency p50 {result.P50Ms:0} ms, p95 {result.P95Ms:0} ms.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Verdict: {(trends.Any(t => t.Growing) ? "GROWTH in " + string.Join(", ", trends.Where(t => t.Growing).Select(t => t.Resource)) : "no growth trend")}.");
        return md.ToString();
    }

    public static string Csv(SoakResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("minutes,uploaded,processed,backlog,p50_latency_ms,rss_mib,gc_heap_mib,handles,threads\n");
        foreach (var s in result.Samples)
        {
            csv.AppendLine(CultureInfo.InvariantCulture, $"{s.Minutes:0.000},{s.Uploaded},{s.Processed},{s.Backlog},{s.P50LatencyMs:0},{s.RssMiB:0.0},{s.GcHeapMiB:0.0},{s.Handles},{s.Threads}");
        }

        return csv.ToString();
    }

    static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
