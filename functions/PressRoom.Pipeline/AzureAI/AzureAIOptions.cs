namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// <c>AzureAI:*</c> tuning shared by the Translator and Language clients. Endpoints and keys stay under the
/// documented <c>Translation:*</c> and <c>Language:*</c> keys; everything here has a safe default.
/// </summary>
public sealed class AzureAIOptions
{
    public const string Section = "AzureAI";

    /// <summary>Requests in flight at once per service client (chunks run in parallel up to this cap).</summary>
    public int MaxParallelRequests { get; set; } = 4;

    /// <summary>Azure.Core retries of 408/429/5xx and network errors.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per retry (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest server-requested wait (Retry-After / retry-after-ms) honoured in process. Azure.Core does not clamp
    /// server hints, so a longer hint ends the retries and the error goes back to the orchestration instead of sleeping.
    /// </summary>
    public TimeSpan MaxServerRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-try timeout. Translator answers within 15 s (standard) / 120 s (custom models).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Language documents are limited to 5,120 text elements; keep a margin for grapheme-rule differences.</summary>
    public int MaxDocumentTextElements { get; set; } = 5_000;

    /// <summary>House translations applied with Translator's dynamic dictionary (only when English is source or target).</summary>
    public List<GlossaryEntry> Glossary { get; set; } = [];
}

/// <summary>One glossary term: a source phrase (matched case-sensitively) and its fixed translation.</summary>
public sealed class GlossaryEntry
{
    public string Source { get; set; } = string.Empty;
    public string Target { get; set; } = string.Empty;
}
