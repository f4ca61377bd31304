namespace PressRoom.Host.Bench;

/// <summary>One soak sample: the runtime process's resources and the pipeline's progress at a moment.</summary>
public sealed record SoakSample(
    double Minutes,
    int Uploaded,
    int Processed,
    double RssMiB,
    double GcHeapMiB,
    int Handles,
    int Threads,
    double? P50LatencyMs)
{
    public int Backlog => Uploaded - Processed;
}

/// <summary>
/// A least-squares slope per minute of one resource, the half-width of its 95 % confidence interval (normal
/// approximation; samples are many), and whether the slope stays under its threshold.
/// </summary>
public sealed record Trend(string Resource, string Unit, double SlopePerMinute, double MaxPerMinute, double Confidence95 = 0)
{
    public bool Growing => SlopePerMinute > MaxPerMinute;
}

/// <summary>
/// The soak's verdict: fit a straight line to each resource over the second half of the run (the first half is
/// warm-up: JIT, pools, caches and the GC settling to its budget) and call it growth when the slope exceeds a
/// threshold. A slope, not first-versus-last, so one GC or one burst of connections does not decide it.
/// </summary>
public static class SoakTrend
{
    /// <summary>Least-squares slope of y over x; 0 with fewer than two distinct x.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points) => Fit(points).Slope;

    /// <summary>
    /// Half-width of the slope's 95 % confidence interval: 1.96 × its standard error, from the residuals of the fit;
    /// 0 with fewer than three points or no spread in x.
    /// </summary>
    public static double Confidence95(IReadOnlyList<(double X, double Y)> points)
    {
        var (slope, meanX, meanY, sxx) = Fit(points);
        if (points.Count < 3 || sxx == 0)
        {
            return 0;
        }

        double residuals = points.Sum(p => Math.Pow(p.Y - (meanY + (slope * (p.X - meanX))), 2));
        return 1.96 * Math.Sqrt(residuals / (points.Count - 2) / sxx);
    }

    static (double Slope, double MeanX, double MeanY, double Sxx) Fit(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return (0, 0, 0, 0);
        }

        double meanX = points.Average(p => p.X), meanY = points.Average(p => p.Y);
        double sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        double sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        return (sxx == 0 ? 0 : sxy / sxx, meanX, meanY, sxx);
    }

    /// <summary>The samples from the middle of the run on (by time, not by count).</summary>
    public static IReadOnlyList<SoakSample> SecondHalf(IReadOnlyList<SoakSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return samples;
        }

        var middle = (samples[0].Minutes + samples[^1].Minutes) / 2;
        return [.. samples.Where(s => s.Minutes >= middle)];
    }

    public static IReadOnlyList<Trend> Evaluate(IReadOnlyList<SoakSample> samples, double maxMiBPerMinute, double maxHandlesPerMinute)
    {
        var half = SecondHalf(samples);
        Trend Fit(string resource, string unit, Func<SoakSample, double> value, double max)
        {
            List<(double, double)> points = [.. half.Select(s => (s.Minutes, value(s)))];
            return new(resource, unit, Slope(points), max, Confidence95(points));
        }

        return
        [
            Fit("RSS", "MiB/min", s => s.RssMiB, maxMiBPerMinute),
            Fit("GC heap", "MiB/min", s => s.GcHeapMiB, maxMiBPerMinute),
            Fit("handles", "handles/min", s => s.Handles, maxHandlesPerMinute),
            Fit("threads", "threads/min", s => s.Threads, maxHandlesPerMinute),
        ];
    }
}
