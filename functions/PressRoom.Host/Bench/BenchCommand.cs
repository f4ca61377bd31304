using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PressRoom.Host.Bench;

/// <summary>
/// <c>pressroom bench e2e|sizes|soak</c>: the benchmark harness (not part of the tests). Every run starts its own Azurite
/// and runtime(s), prints a markdown report on stdout and writes the raw numbers as JSON under --out.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmark harness: end-to-end throughput and latency, engine ceiling, direct pipeline, size scaling");
        command.Subcommands.Add(EndToEnd());
        command.Subcommands.Add(Sizes());
        command.Subcommands.Add(Soak());
        command.Subcommands.Add(Idle());
        return command;
    }

    /// <summary>
    /// Settings of every benchmarked runtime: warnings only, because per-release information lines written to a console
    /// would be a large part of what is measured (production sends them to Application Insights, not a terminal).
    /// </summary>
    static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["Logging__LogLevel__Default"] = "Warning" };

    static Command EndToEnd()
    {
        var releases = new Option<int[]>("--releases") { DefaultValueFactory = _ => [100], AllowMultipleArgumentsPerToken = true, Description = "Burst sizes, e.g. --releases 100 500 2000" };
        var processes = new Option<int[]>("--processes") { DefaultValueFactory = _ => [1], AllowMultipleArgumentsPerToken = true, Description = "Runtime process counts, e.g. --processes 1 2" };
        var activities = new Option<int>("--ceiling-activities") { DefaultValueFactory = _ => 6, Description = "No-op activities per ceiling orchestration (the pipeline runs 6 activity calls per English-target release)" };
        var output = new Option<DirectoryInfo>("--out") { DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".pressroom", "bench")) };
        var storage = StorageOption();
        var command = new Command("e2e", "A burst of generated releases through the durable pipeline, beside the engine ceiling and the direct pipeline") { releases, processes, activities, output, storage };
        command.SetAction(async (parse, ct) =>
        {
            var report = new StringBuilder();
            var raw = new List<object>();
            var kinds = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024 / 1024} GiB; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; Azurite data {parse.GetValue(storage)}");
            report.AppendLine();
            report.AppendLine("| releases | processes | pipeline rel/min | ceiling orch/min | pipeline ÷ ceiling | direct rel/min | durable ÷ direct | p50 ms | p95 ms | p99 ms | CPU s (per process) | Azurite CPU s | CPU-s per release (all) | storage requests per release | peak MiB (per process) |");
            report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
            foreach (var n in parse.GetValue(releases)!)
            {
                foreach (var p in parse.GetValue(processes)!)
                {
                    await using var env = await BenchEnvironment.StartAsync(p, Settings, ct, parse.GetValue(storage));
                    await Console.Error.WriteLineAsync($"[bench] {n} releases, {p} process(es), Azurite data {parse.GetValue(storage)}: warm-up");
                    await EndToEndBench.RunPipelineAsync(env, 4, seed: 7, TimeSpan.FromMinutes(2), ct);
                    await Console.Error.WriteLineAsync($"[bench] {n} releases, {p} process(es): pipeline burst");
                    var pipeline = await EndToEndBench.RunPipelineAsync(env, n, seed: n, TimeSpan.FromMinutes(30), ct);
                    await Console.Error.WriteLineAsync($"[bench] {n} releases, {p} process(es): engine ceiling");
                    var ceiling = await EndToEndBench.RunCeilingAsync(env, n, parse.GetValue(activities), TimeSpan.FromMinutes(30), ct);
                    var direct = await DirectBench.RunAsync(env.Runtime.Services, n, seed: n, ct);
                    double directPerMinute = direct.Releases / direct.Seconds * 60;
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"| {n} | {p} | {pipeline.ReleasesPerMinute:0} | {ceiling.ReleasesPerMinute:0} | {pipeline.ReleasesPerMinute / ceiling.ReleasesPerMinute:0.00} | {directPerMinute:0} | {pipeline.ReleasesPerMinute / directPerMinute:0.000} | {pipeline.P50Ms:0} | {pipeline.P95Ms:0} | {pipeline.P99Ms:0} | {string.Join(" / ", pipeline.ProcessUsage.Select(u => u.CpuSeconds.ToString("0", CultureInfo.InvariantCulture)))} | {pipeline.StorageCpuSeconds:0} | {pipeline.CpuSecondsPerRelease:0.000} | {pipeline.RequestsPerRelease:0.0} | {string.Join(" / ", pipeline.ProcessUsage.Select(u => u.PeakMiB.ToString("0", CultureInfo.InvariantCulture)))} |");
                    report.AppendLine(CultureInfo.InvariantCulture, $"|  | stage means (ms): {string.Join(", ", pipeline.MeanStageMs.Select(kv => $"{kv.Key} {kv.Value:0}"))}; completed {pipeline.Completed}/{n}, ceiling {ceiling.Completed}/{n} (Azurite CPU {ceiling.StorageCpuSeconds:0} s); drain (s: done) {Drain(pipeline)} ||||||||||||||");
                    raw.Add(new { n, p, pipeline = Plain(pipeline), ceiling = Plain(ceiling), direct });
                    kinds.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Storage requests per release by kind ({n} releases, {p} process(es); the harness's own event reads left out):").AppendLine();
                    kinds.AppendLine("| kind | per release |").AppendLine("|---|---:|");
                    foreach (var (kind, perRelease) in pipeline.StorageRequestsByKind)
                    {
                        kinds.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {perRelease:0.00} |");
                    }
                }
            }

            Write(parse.GetValue(output)!, "e2e", report.Append(kinds).ToString(), raw);
            return 0;
        });
        return command;
    }

    static Command Sizes()
    {
        var output = new Option<DirectoryInfo>("--out") { DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".pressroom", "bench")) };
        var sizes = new Option<int[]>("--sizes") { DefaultValueFactory = _ => SizeScalingBench.Sizes, AllowMultipleArgumentsPerToken = true, Description = "Release sizes in UTF-8 bytes, e.g. --sizes 1000000 10000000" };
        var command = new Command("sizes", "One release of 1 KB, 10 KB, 100 KB, 1 MB and 10 MB through the whole pipeline") { output, sizes };
        command.SetAction(async (parse, ct) =>
        {
            await using var env = await BenchEnvironment.StartAsync(1, Settings, ct);
            var results = await SizeScalingBench.RunAsync(env, parse.GetValue(sizes)!, TimeSpan.FromMinutes(10), ct);
            var report = new StringBuilder("| size (bytes) | seconds | s per MB | peak MiB (runtime) | outcome | stage ms |\n|---:|---:|---:|---:|---|---|\n");
            foreach (var (bytes, seconds, peak, status, stages) in results)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {bytes:N0} | {seconds:0.00} | {seconds / (bytes / 1e6):0.00} | {peak:0} | {status} | {stages} |");
            }

            Write(parse.GetValue(output)!, "sizes", report.ToString(), results.Select(r => new { r.Bytes, r.Seconds, r.PeakMiB, r.Status, r.Stages }));
            return 0;
        });
        return command;
    }

    /// <summary>About eight points of the backlog drain curve, enough to see its shape in a table cell.</summary>
    static string Drain(EndToEndResult r)
    {
        var step = Math.Max(1, r.DrainCurve.Count / 8);
        return string.Join(", ", r.DrainCurve.Where((_, i) => i % step == 0 || i == r.DrainCurve.Count - 1)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Seconds:0}: {c.Completed}")));
    }

    /// <summary>Where Azurite keeps its data: on disk (as <c>pressroom serve</c>), or in memory to take its disk store out of a run.</summary>
    static Option<BenchStorage> StorageOption() =>
        new("--storage") { DefaultValueFactory = _ => BenchStorage.Disk, Description = "Azurite data on disk (as pressroom serve) or in memory" };

    static Command Soak()
    {
        var minutes = new Option<double>("--minutes") { DefaultValueFactory = _ => 10, Description = "How long to upload" };
        var rate = new Option<int>("--rate") { DefaultValueFactory = _ => 60, Description = "Releases uploaded per minute, evenly spaced" };
        var sample = new Option<int>("--sample-seconds") { DefaultValueFactory = _ => 10, Description = "Seconds between samples" };
        var maxMiB = new Option<double>("--max-mib-per-min") { DefaultValueFactory = _ => 2, Description = "RSS / GC heap slope over the second half above which memory counts as growing" };
        var maxHandles = new Option<double>("--max-handles-per-min") { DefaultValueFactory = _ => 5, Description = "Handle / thread slope over the second half above which they count as growing" };
        var output = new Option<DirectoryInfo>("--out") { DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".pressroom", "bench")) };
        var storage = StorageOption();
        var command = new Command("soak", "Steady uploads for a while with memory, GC heap, handles and threads sampled; reports the trend (exit 1 on growth or an undrained backlog)")
        {
            minutes, rate, sample, maxMiB, maxHandles, output, storage,
        };
        command.SetAction(async (parse, ct) =>
        {
            var plan = new SoakPlan(TimeSpan.FromMinutes(parse.GetValue(minutes)), Math.Max(1, parse.GetValue(rate)), TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(sample))), TimeSpan.FromMinutes(5), parse.GetValue(storage));
            await using var env = await BenchEnvironment.StartAsync(1, Settings, ct, plan.Storage);
            var result = await SoakBench.RunAsync(env, plan, seed: 42, Console.Error, ct);
            var trends = SoakTrend.Evaluate(result.Samples, parse.GetValue(maxMiB), parse.GetValue(maxHandles));
            var report = SoakBench.Report(result, trends);
            var directory = parse.GetValue(output)!;
            Write(directory, "soak", report, new { result, trends });
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(directory.FullName, $"soak-{stamp}.md"), report);
            File.WriteAllText(Path.Combine(directory.FullName, $"soak-{stamp}.csv"), SoakBench.Csv(result));
            return trends.Any(t => t.Growing) || result.DrainSeconds is null ? 1 : 0;
        });
        return command;
    }

    static Command Idle()
    {
        var releases = new Option<int>("--releases") { DefaultValueFactory = _ => 30, Description = "Releases uploaded one at a time" };
        var spacing = new Option<double>("--spacing-seconds") { DefaultValueFactory = _ => 3, Description = "Idle time after each release is processed, before the next upload" };
        var probe = new Option<double>("--idle-seconds") { DefaultValueFactory = _ => 20, Description = "How long the idle runtime is watched (requests and CPU with nothing to do)" };
        var watch = new Option<TimeSpan?>("--watch-interval") { Description = "PressRoom:WatchInterval of the runtime (blob listing period; default 00:00:01)" };
        var polling = new Option<TimeSpan?>("--max-polling") { Description = "PressRoom:Engine:MaxQueuePollingInterval (the longest an idle queue goes unpolled; default 00:00:01)" };
        var output = new Option<DirectoryInfo>("--out") { DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(".pressroom", "bench")) };
        var command = new Command("idle", "One release at a time on an idle runtime: upload → processed p50/p95, and what the idle runtime costs")
        {
            releases, spacing, probe, watch, polling, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Dictionary<string, string>(Settings, StringComparer.Ordinal);
            if (parse.GetValue(watch) is { } w)
            {
                settings["PressRoom__WatchInterval"] = w.ToString("c", CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(polling) is { } p)
            {
                settings["PressRoom__Engine__MaxQueuePollingInterval"] = p.ToString("c", CultureInfo.InvariantCulture);
            }

            await using var env = await BenchEnvironment.StartAsync(1, settings, ct);
            var result = await IdleBench.RunAsync(env, parse.GetValue(releases), TimeSpan.FromSeconds(parse.GetValue(spacing)), TimeSpan.FromSeconds(parse.GetValue(probe)), Console.Error, ct);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; watch interval {parse.GetValue(watch)?.ToString() ?? "default"}, max queue polling {parse.GetValue(polling)?.ToString() ?? "default"}");
            report.AppendLine();
            report.AppendLine("| releases | processed | upload → processed p50 ms | p95 ms | max ms | storage requests per release | idle requests/s | idle CPU (runtime + Azurite) % of a core |");
            report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            report.AppendLine(CultureInfo.InvariantCulture, $"| {result.Releases} | {result.Completed} | {result.P50Ms:0} | {result.P95Ms:0} | {result.MaxMs:0} | {result.RequestsPerRelease:0.0} | {result.IdleRequestsPerSecond:0.0} | {result.IdleCpuPercent:0.0} |");
            Write(parse.GetValue(output)!, "idle", report.ToString(), result);
            return result.Completed == result.Releases ? 0 : 1;
        });
        return command;
    }

    static object Plain(EndToEndResult r) => new
    {
        r.Scenario, r.Releases, r.Processes, r.Completed, r.Seconds, r.ReleasesPerMinute, r.P50Ms, r.P95Ms, r.P99Ms, r.MeanStageMs,
        drainCurve = r.DrainCurve.Select(c => new[] { c.Seconds, c.Completed }),
        processUsage = r.ProcessUsage.Select(u => new { u.Pid, u.CpuSeconds, u.PeakMiB }),
        storageCpuSeconds = r.StorageCpuSeconds,
        storageRequests = r.StorageRequests,
        cpuSecondsPerRelease = r.CpuSecondsPerRelease,
        requestsPerRelease = r.RequestsPerRelease,
        requestsPerReleaseByKind = r.StorageRequestsByKind.ToDictionary(k => k.Kind, k => k.PerRelease, StringComparer.Ordinal),
    };

    static void Write(DirectoryInfo directory, string name, string markdown, object raw)
    {
        directory.Create();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(directory.FullName, $"{name}-{stamp}.json"), JsonSerializer.Serialize(raw, Pipeline.Storage.PressRoomJson.Indented));
        Console.WriteLine(markdown);
    }
}
