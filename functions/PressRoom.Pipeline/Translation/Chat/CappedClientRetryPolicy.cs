using System.ClientModel.Primitives;
using System.Globalization;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>
/// The capped retry policy of the Azure AI clients, for the OpenAI client's pipeline (System.ClientModel): 408, 429,
/// 5xx and network errors are retried with exponential backoff; a Retry-After / retry-after-ms hint is honoured when it
/// is within the cap, and a longer one ends the retries so the orchestration retries later instead of sleeping here.
/// </summary>
public sealed class CappedClientRetryPolicy(int maxRetries, TimeSpan delay, TimeSpan maxDelay, TimeSpan maxServerDelay)
    : ClientRetryPolicy(maxRetries)
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && WithinCap(message);

    protected override async ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && WithinCap(message);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Hint(message) is { } hint)
        {
            return hint;
        }

        // Exponential with jitter (0.8–1.2), like Azure.Core's default strategy.
        var exponential = delay.TotalMilliseconds * Math.Pow(2, Math.Max(0, tryCount - 1)) * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, maxDelay.TotalMilliseconds));
    }

    bool WithinCap(PipelineMessage message) => Hint(message) is not { } hint || hint <= maxServerDelay;

    /// <summary>The server's wait: retry-after-ms, else Retry-After in seconds or as an HTTP date.</summary>
    internal static TimeSpan? Hint(PipelineMessage message)
    {
        if (message.Response is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
