using Azure.Core;
using Azure.Core.Pipeline;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// Azure.Core's retry policy (408/429/5xx and network errors, exponential backoff, server hints honoured) with one
/// change: a server hint longer than the cap ends the retries. Azure.Core never clamps Retry-After, and a quota
/// answer can ask for days; declining the retry is the only way to cap it (the delay computation is not overridable).
/// </summary>
public sealed class CappedRetryPolicy(int maxRetries, DelayStrategy delayStrategy, TimeSpan maxServerDelay, TimeProvider? clock = null)
    : RetryPolicy(maxRetries, delayStrategy)
{
    readonly TimeProvider clock = clock ?? TimeProvider.System;

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && WithinCap(message);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && WithinCap(message);

    bool WithinCap(HttpMessage message)
    {
        var hint = message.HasResponse ? RetryAfterHint.From(message.Response, clock.GetUtcNow()) : null;
        return hint is null || hint.Value <= maxServerDelay;
    }
}
