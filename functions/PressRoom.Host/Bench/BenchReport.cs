namespace PressRoom.Host.Bench;

/// <summary>Percentiles over a sample (nearest rank).</summary>
public static class Percentile
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>One end-to-end run: what was measured, in a form that prints as markdown and serializes as JSON.</summary>
public sealed record EndToEndResult
{
    public required string Scenario { get; init; }
    public required int Releases { get; init; }
    public required int Processes { get; init; }
    public required int Completed { get; init; }
    public required double Seconds { get; init; }
    public double ReleasesPerMinute => Completed / Seconds * 60;
    public required double P50Ms { get; init; }
    public required double P95Ms { get; init; }
    public required double P99Ms { get; init; }
    public required IReadOnlyDictionary<string, double> MeanStageMs { get; init; }
    public required IReadOnlyList<(double Seconds, int Completed)> DrainCurve { get; init; }
    public required IReadOnlyList<(int Pid, double CpuSeconds, double PeakMiB)> ProcessUsage { get; init; }

    /// <summary>CPU seconds Azurite used during the run (storage is one Node.js process on the same cores).</summary>
    public required double StorageCpuSeconds { get; init; }

    /// <summary>Requests Azurite answered from the first upload to the last release processed, the harness's own polling of the events queue taken out.</summary>
    public long? StorageRequests { get; init; }

    /// <summary>CPU seconds of the runtime processes and Azurite together, per completed release.</summary>
    public double CpuSecondsPerRelease => Completed == 0 ? double.NaN : (ProcessUsage.Sum(u => u.CpuSeconds) + StorageCpuSeconds) / Completed;

    /// <summary>Where those requests went: per release, by kind (method and resource), most first.</summary>
    public IReadOnlyList<(string Kind, double PerRelease)> StorageRequestsByKind { get; init; } = [];

    public double? RequestsPerRelease => StorageRequests is { } n && Completed > 0 ? (double)n / Completed : null;
}
