
namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// The service refused the request (400/401/403/404/413…). Retrying cannot fix it, so it derives from
/// <see cref="PermanentFailureException"/> and the orchestration does not retry it.
/// </summary>
public sealed class AzureAIRequestRejectedException(AzureServiceError error)
    : PermanentFailureException(error.ReasonCode, error.Describe())
{
    public AzureServiceError Error { get; } = error;
}

/// <summary>
/// A failure that may pass: throttling or a server error that outlasted Azure.Core's retries, a timeout, an
/// unreadable answer. It propagates so the orchestration's activity retry can try again later.
/// </summary>
public sealed class AzureAITransientException(string reasonCode, string message, Exception? inner = null, AzureServiceError? error = null, TimeSpan? retryAfter = null)
    : Exception(message, inner)
{
    public string ReasonCode { get; } = reasonCode;

    public AzureServiceError? Error { get; } = error;

    /// <summary>The server's wait hint, when it asked for longer than the in-process cap.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
