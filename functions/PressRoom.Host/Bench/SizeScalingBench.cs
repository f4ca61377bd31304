using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Bench;

/// <summary>One release of growing size through the whole durable pipeline: time and memory per size.</summary>
public static class SizeScalingBench
{
    public static readonly int[] Sizes = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];

    /// <returns>Per size: seconds, peak RSS, outcome and the release's stage timings (ms, JSON) for finding what is non-linear.</returns>
    public static async Task<List<(int Bytes, double Seconds, double PeakMiB, string Status, string? Stages)>> RunAsync(
        BenchEnvironment env, IReadOnlyList<int> sizes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var uploader = env.Runtime.Services.GetRequiredService<ReleaseUploader>();
        var results = new List<(int, double, double, string, string?)>();
        foreach (var size in sizes)
        {
            var text = Generate(size, seed: size);
            var sampler = new ProcessSampler();
            sampler.Start([Environment.ProcessId]);
            var clock = Stopwatch.StartNew();
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var id = await uploader.UploadAsync($"sizes/{size}.txt", content, cancellationToken);

            string status = "timeout";
            string? stages = null;
            var queries = new ReleaseQueries(env.Storage);
            while (clock.Elapsed < timeout)
            {
                sampler.Sample();
                var row = await queries.GetAsync(id, cancellationToken);
                var final = row?.Status;
                if (final is "Completed" or "Rejected" or "Failed")
                {
                    status = final + (row!.ReasonCode is { } reason ? $" ({reason})" : string.Empty);
                    stages = row.Timings;
                    break;
                }

                await Task.Delay(100, cancellationToken);
            }

            results.Add((size, clock.Elapsed.TotalSeconds, sampler.Result()[Environment.ProcessId].PeakMiB, status, stages));
        }

        return results;
    }

    /// <summary>Arabic/English release text of about the given size in UTF-8 bytes.</summary>
    static string Generate(int bytes, int seed)
    {
        var generator = new ReleaseGenerator(seed);
        var sb = new StringBuilder();
        long total = 0;
        for (int i = 0; total < bytes; i++)
        {
            var (_, text) = generator.Next(i);
            var part = i == 0 ? text : text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
            total += Encoding.UTF8.GetByteCount(part);
            sb.Append(part);
        }

        return sb.ToString();
    }
}
