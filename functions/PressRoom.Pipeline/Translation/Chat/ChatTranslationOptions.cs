namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>
/// <c>Translation:Chat:*</c>: the chat-model translator. <see cref="Endpoint"/> is the base URL the OpenAI client
/// uses, ending in <c>/v1</c> (Azure OpenAI: <c>https://NAME.openai.azure.com/openai/v1</c>; Ollama:
/// <c>http://127.0.0.1:11434/v1</c>). Without <see cref="Key"/> the client sends an Entra ID token (the managed
/// identity in Azure) for the Cognitive Services scope.
/// </summary>
public sealed class ChatTranslationOptions
{
    public const string Section = "Translation:Chat";

    /// <summary>Base URL of an OpenAI-compatible chat completions API, ending in /v1.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model (Azure OpenAI: the deployment name).</summary>
    public string? Model { get; set; }

    /// <summary>API key; absent = Entra ID token. Never logged.</summary>
    public string? Key { get; set; }

    /// <summary>Chat requests in flight at once per release.</summary>
    public int MaxParallelRequests { get; set; } = 4;

    /// <summary>Source characters per request; paragraphs are packed up to this size (a longer paragraph goes alone).</summary>
    public int MaxRequestCharacters { get; set; } = 6_000;

    /// <summary>Paragraphs per request.</summary>
    public int MaxParagraphsPerRequest { get; set; } = 40;

    /// <summary>Per-try network timeout; a model writing a long answer needs minutes, not seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Sampling temperature; 0 keeps translations repeatable.</summary>
    public float Temperature { get; set; }

    /// <summary>Upper bound on the reply's tokens (null = the server's default).</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Retries of 408/429/5xx and network errors (exponential backoff, Retry-After honoured up to <see cref="MaxServerRetryDelay"/>).</summary>
    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest server-requested wait honoured in process; a longer one goes back to the orchestration's retry.</summary>
    public TimeSpan MaxServerRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Ask for structured output (response_format json_schema). Servers without it get json_object.</summary>
    public bool StructuredOutput { get; set; } = true;
}
