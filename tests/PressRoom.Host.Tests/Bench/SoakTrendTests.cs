using PressRoom.Host.Bench;

namespace PressRoom.Tests.Bench;

/// <summary>The soak's verdict: slopes over the second half of the run, against thresholds.</summary>
public sealed class SoakTrendTests
{
    static SoakSample At(double minutes, double rss, double heap = 50, int handles = 200, int threads = 40) =>
        new(minutes, 0, 0, rss, heap, handles, threads, null);

    [Fact]
    public void Slope_is_the_least_squares_fit()
    {
        Assert.Equal(2.0, SoakTrend.Slope([(0, 1), (1, 3), (2, 5), (3, 7)]), 9);
        Assert.Equal(0.0, SoakTrend.Slope([(0, 5), (1, 7), (2, 7), (3, 5)]), 9);
        Assert.Equal(0.0, SoakTrend.Slope([(1, 5)]));
        Assert.Equal(0.0, SoakTrend.Slope([(1, 5), (1, 9)]));
        // y = 10 - 0.5 x with symmetric noise: the noise cancels.
        Assert.Equal(-0.5, SoakTrend.Slope([(0, 10.2), (2, 8.8), (4, 7.8), (6, 7.2)]), 9);
    }

    [Fact]
    public void Confidence_is_1_96_standard_errors_of_the_slope()
    {
        Assert.Equal(0.0, SoakTrend.Confidence95([(0, 1), (1, 3), (2, 5), (3, 7)]), 9);
        // Residuals ±1 around a flat line: standard error sqrt(4 / (4 - 2) / 5).
        Assert.Equal(1.96 * Math.Sqrt(0.4), SoakTrend.Confidence95([(0, 5), (1, 7), (2, 7), (3, 5)]), 9);
        Assert.Equal(0.0, SoakTrend.Confidence95([(0, 5), (1, 7)]));
    }

    [Fact]
    public void Warm_up_growth_in_the_first_half_is_not_a_trend_but_steady_growth_in_the_second_half_is()
    {
        // RSS climbs 100 → 200 MiB over the first 5 minutes, then sways around 200 (GC cycles) for 5 minutes.
        var settling = Enumerable.Range(0, 61).Select(i => i / 6.0)
            .Select(m => At(m, m < 5 ? 100 + 20 * m : 200 + (((int)(m * 6) % 2 == 0) ? 3 : -3))).ToList();
        var flat = SoakTrend.Evaluate(settling, maxMiBPerMinute: 2, maxHandlesPerMinute: 2);
        Assert.All(flat, t => Assert.False(t.Growing, $"{t.Resource}: {t.SlopePerMinute}"));
        Assert.InRange(flat.Single(t => t.Resource == "RSS").SlopePerMinute, -1, 1);

        // A leak: 5 MiB of GC heap and 3 handles per minute, throughout.
        var leaking = Enumerable.Range(0, 61).Select(i => i / 6.0).Select(m => At(m, 200, heap: 50 + 5 * m, handles: 200 + (int)(3 * m))).ToList();
        var trends = SoakTrend.Evaluate(leaking, maxMiBPerMinute: 2, maxHandlesPerMinute: 2);
        Assert.Equal(["GC heap", "handles"], trends.Where(t => t.Growing).Select(t => t.Resource));
        Assert.Equal(5, trends.Single(t => t.Resource == "GC heap").SlopePerMinute, 6);
        Assert.InRange(trends.Single(t => t.Resource == "handles").SlopePerMinute, 2.5, 3.5);
    }

    [Fact]
    public void The_second_half_is_by_time_from_the_middle_of_the_run()
    {
        var samples = new[] { At(0, 1), At(1, 1), At(2, 1), At(6, 1), At(8, 1), At(10, 1) };
        Assert.Equal([6.0, 8.0, 10.0], SoakTrend.SecondHalf(samples).Select(s => s.Minutes));
        Assert.Empty(SoakTrend.SecondHalf([]));
    }
}
