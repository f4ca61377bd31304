using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Contracts;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Host.Bench;

/// <summary>Measures a burst of releases through the whole durable pipeline, and the engine ceiling on the same setup.</summary>
public static class EndToEndBench
{
    /// <summary>Uploads N generated releases as a burst and follows them to their <c>processed</c> events.</summary>
    public static async Task<EndToEndResult> RunPipelineAsync(BenchEnvironment env, int releases, int seed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var generator = new ReleaseGenerator(seed);
        var documents = Enumerable.Range(0, releases).Select(generator.Next).ToList();
        var uploader = env.Runtime.Services.GetRequiredService<ReleaseUploader>();
        var sampler = env.StartSampling();
        var requestsAtStart = env.StorageRequests;
        var kindsAtStart = env.StorageRequestsByKind();

        var uploadedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var burstStart = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (doc, ct) =>
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(doc.Text));
            var id = await uploader.UploadAsync(doc.Name, content, ct);
            lock (uploadedAt)
            {
                uploadedAt[id] = DateTimeOffset.UtcNow;
            }
        });

        var processedAt = await FollowEventsAsync(env.Storage, uploadedAt.Keys.ToHashSet(StringComparer.Ordinal), sampler, clock, timeout, cancellationToken);
        var requests = env.StorageRequests - requestsAtStart - processedAt.OwnRequests;
        var kindsAtEnd = env.StorageRequestsByKind();
        var result = await SummarizeAsync(env, "pipeline", releases, burstStart, uploadedAt, processedAt.Events, processedAt.Curve, sampler, cancellationToken);
        return result with { StorageRequests = requests, StorageRequestsByKind = PerRelease(kindsAtStart, kindsAtEnd, result.Completed) };
    }

    /// <summary>Requests per release by kind between two counts, the harness's own reads of the events queue left out.</summary>
    static IReadOnlyList<(string Kind, double PerRelease)> PerRelease(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, int releases) =>
        releases == 0 ? [] : after
            .Where(kv => kv.Key != OwnEventReads)
            .Select(kv => (kv.Key, (kv.Value - before.GetValueOrDefault(kv.Key)) / (double)releases))
            .Where(kv => kv.Item2 > 0)
            .OrderByDescending(kv => kv.Item2)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToList();

    const string OwnEventReads = "GET queue " + StorageNames.EventsQueue + "/messages";

    /// <summary>The same number of orchestrations, each with the same number of no-op activities as the pipeline runs.</summary>
    public static async Task<EndToEndResult> RunCeilingAsync(BenchEnvironment env, int orchestrations, int activities, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = env.Runtime.Client;
        var sampler = env.StartSampling();
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, orchestrations), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var id = await client.ScheduleNewOrchestrationInstanceAsync(NoOpOrchestrator.Name, activities, ct);
            lock (ids)
            {
                ids.Add(id);
            }
        });

        // Listing instances is a table scan in Azurite, so it is done rarely: times come from the instances' own
        // completion stamps, not from when the listing noticed them, and the scans barely load the engine measured.
        var finished = new List<(DateTime Created, DateTime Completed)>();
        while (clock.Elapsed < timeout)
        {
            await Task.Delay(5000, cancellationToken);
            sampler.Sample();
            finished.Clear();
            await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = start.UtcDateTime.AddSeconds(-1), Statuses = [OrchestrationRuntimeStatus.Completed], FetchInputsAndOutputs = false, PageSize = 1000 }))
            {
                if (instance.Name == NoOpOrchestrator.Name)
                {
                    finished.Add((instance.CreatedAt.UtcDateTime, instance.LastUpdatedAt.UtcDateTime));
                }
            }

            if (finished.Count >= orchestrations)
            {
                break;
            }
        }

        int completed = finished.Count;
        var latencies = finished.Select(f => (f.Completed - f.Created).TotalMilliseconds).ToList();
        var done = finished.Select(f => (f.Completed - start.UtcDateTime).TotalSeconds).Order().ToList();
        var curve = done.Select((seconds, i) => (Math.Ceiling(seconds), i + 1)).GroupBy(p => p.Item1).Select(g => (g.Key, g.Max(p => p.Item2))).ToList();
        latencies.Sort();
        var usage = env.Usage(sampler);
        return new EndToEndResult
        {
            Scenario = $"engine ceiling ({activities} no-op activities)",
            Releases = orchestrations,
            Processes = env.ProcessIds.Count(),
            Completed = completed,
            Seconds = done.Count > 0 ? done[^1] : clock.Elapsed.TotalSeconds,
            P50Ms = Percentile.Of(latencies, 50),
            P95Ms = Percentile.Of(latencies, 95),
            P99Ms = Percentile.Of(latencies, 99),
            MeanStageMs = new Dictionary<string, double>(),
            DrainCurve = curve,
            ProcessUsage = usage.Runtimes,
            StorageCpuSeconds = usage.StorageCpuSeconds,
        };
    }

    /// <summary>
    /// Reads <c>processed</c> events until every expected release has one; times are the events' own stamps, so the
    /// polling interval does not blur them. OwnRequests: the queue reads this made (taken out of storage request counts).
    /// </summary>
    internal static async Task<(Dictionary<string, DateTimeOffset> Events, List<(double, int)> Curve, long OwnRequests)> FollowEventsAsync(
        PressRoomStorage storage, HashSet<string> expected, ProcessSampler sampler, Stopwatch clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var events = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var curve = new List<(double, int)>();
        var nextSample = TimeSpan.Zero;
        long own = 0;
        while (events.Count < expected.Count && clock.Elapsed < timeout)
        {
            own++;
            var batch = await storage.EventsQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken);
            foreach (var message in batch.Value)
            {
                using var json = JsonDocument.Parse(message.Body.ToString());
                var subject = json.RootElement.GetProperty("subject").GetString()!;
                if (expected.Contains(subject))
                {
                    events.TryAdd(subject, json.RootElement.GetProperty("time").GetDateTimeOffset());
                }
            }

            if (clock.Elapsed >= nextSample)
            {
                sampler.Sample();
                curve.Add((clock.Elapsed.TotalSeconds, events.Count));
                nextSample = clock.Elapsed + TimeSpan.FromSeconds(1);
            }

            if (batch.Value.Length == 0)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        curve.Add((clock.Elapsed.TotalSeconds, events.Count));
        return (events, curve, own);
    }

    static async Task<EndToEndResult> SummarizeAsync(
        BenchEnvironment env, string scenario, int releases, DateTimeOffset burstStart,
        Dictionary<string, DateTimeOffset> uploadedAt, Dictionary<string, DateTimeOffset> processedAt,
        List<(double, int)> curve, ProcessSampler sampler, CancellationToken cancellationToken)
    {
        // CPU before the rows are read back: those reads are the harness's, not the pipeline's.
        var usage = env.Usage(sampler);
        var latencies = processedAt.Select(kv => (kv.Value - uploadedAt[kv.Key]).TotalMilliseconds).Order().ToList();
        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var queries = new ReleaseQueries(env.Storage);
        foreach (var id in processedAt.Keys)
        {
            if (await queries.GetAsync(id, cancellationToken) is { } row && row.Timings is { } timings)
            {
                foreach (var (stage, ms) in JsonSerializer.Deserialize<Dictionary<string, double>>(timings)!)
                {
                    (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(ms);
                }
            }
        }

        return new EndToEndResult
        {
            Scenario = scenario,
            Releases = releases,
            Processes = env.ProcessIds.Count(),
            Completed = processedAt.Count,
            Seconds = processedAt.Count == 0 ? double.NaN : (processedAt.Values.Max() - burstStart).TotalSeconds,
            P50Ms = Percentile.Of(latencies, 50),
            P95Ms = Percentile.Of(latencies, 95),
            P99Ms = Percentile.Of(latencies, 99),
            MeanStageMs = stages.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value.Average()), StringComparer.Ordinal),
            DrainCurve = curve,
            ProcessUsage = usage.Runtimes,
            StorageCpuSeconds = usage.StorageCpuSeconds,
        };
    }
}
