namespace PressRoom.Tests.AzureAI.Fakes;

/// <summary>How a chaotic fake answers one request.</summary>
public enum ChaosFault
{
    None,

    /// <summary>429 with a short <c>Retry-After</c> and the service's throttling body.</summary>
    Throttled,

    /// <summary>500 with the service's documented error body.</summary>
    ServerError,

    /// <summary>No answer for <see cref="FakeChaos.HangFor"/> (longer than the client's per-try timeout), then the normal answer.</summary>
    Hang,
}

/// <summary>
/// Seeded fault injection for a fake service: a share (<see cref="Rate"/>) of requests is answered the way a struggling
/// service answers — throttled, failing, or hanging past the client's timeout — in equal parts. One seeded generator
/// picks the faults in arrival order, so the fault mix is reproducible for a seed; which request gets which fault
/// depends on the (concurrent) arrival order. Counts what it injected, to report the retries a run caused.
/// </summary>
public sealed class FakeChaos(int seed, double rate, Func<ChaosFault, string> errorBody)
{
    readonly Random random = new(seed);
    readonly Lock gate = new();
    int passed, throttled, serverErrors, hangs;

    public int Seed => seed;

    public double Rate => rate;

    /// <summary>Seconds in the 429's <c>Retry-After</c> header: small, so a run is not dominated by waiting.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(10);

    public int Passed => Volatile.Read(ref passed);

    public int Throttled => Volatile.Read(ref throttled);

    public int ServerErrors => Volatile.Read(ref serverErrors);

    public int Hangs => Volatile.Read(ref hangs);

    public int Injected => Throttled + ServerErrors + Hangs;

    public string Body(ChaosFault fault) => errorBody(fault);

    public ChaosFault Next()
    {
        double roll;
        int kind;
        lock (gate)
        {
            roll = random.NextDouble();
            kind = random.Next(3);
        }

        if (roll >= rate)
        {
            Interlocked.Increment(ref passed);
            return ChaosFault.None;
        }

        switch (kind)
        {
            case 0:
                Interlocked.Increment(ref throttled);
                return ChaosFault.Throttled;
            case 1:
                Interlocked.Increment(ref serverErrors);
                return ChaosFault.ServerError;
            default:
                Interlocked.Increment(ref hangs);
                return ChaosFault.Hang;
        }
    }

    public override string ToString() =>
        $"{Injected} faults in {Injected + Passed} requests ({Throttled} × 429, {ServerErrors} × 500, {Hangs} hangs of {HangFor.TotalSeconds:0} s)";
}
