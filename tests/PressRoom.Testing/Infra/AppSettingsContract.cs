namespace PressRoom.Tests.Infra;

/// <summary>
/// THE list of configuration names the deployed app reads (Functions host, Durable Task, PressRoom.Pipeline options,
/// Azure SDK credentials). The Functions app must read exactly these and nothing else; the infra tests prove the
/// template provides <see cref="SetByTemplate"/> and sets nothing outside it. Keep this the only copy of the list.
/// </summary>
public static class AppSettingsContract
{
    /// <summary>Set by <c>infra/main.bicep</c> on the Function App.</summary>
    public static readonly IReadOnlySet<string> SetByTemplate = new HashSet<string>(StringComparer.Ordinal)
    {
        // Functions host, blob trigger and Durable Task storage: identity-based connection "AzureWebJobsStorage".
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        // host.json: extensions.durableTask.hubName = "%DurableTaskHubName%".
        "DurableTaskHubName",
        // Application Insights with Entra ID ingestion.
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        // PressRoom.Pipeline options (Translation:*, Entities:*, Language:*).
        "Translation__Provider",
        "Translation__Endpoint",
        "Translation__TargetLanguages",
        "Translation__Chat__Endpoint",
        "Translation__Chat__Model",
        "Entities__Provider",
        "Language__Endpoint",
        // DefaultAzureCredential: which user-assigned identity to use.
        "AZURE_CLIENT_ID",
    };

    /// <summary>
    /// Read by the app but deliberately not set in Azure: the Translator is called on its custom-subdomain endpoint
    /// with an Entra ID token, which needs no region (the region header is only for key auth on the global endpoint);
    /// the history retention keeps its default unless an operator overrides it.
    /// </summary>
    public static readonly IReadOnlySet<string> ReadButNotSetByTemplate = new HashSet<string>(StringComparer.Ordinal)
    {
        "Translation__Region",
        // The history purge's options (HistoryRetentionOptions): their documented defaults apply in Azure; the
        // interval is the local runtime's (the Functions app purges on its hourly timer).
        "PressRoom__HistoryRetention",
        "PressRoom__HistoryPurgeInterval",

        // Chat translator tuning: the defaults suit Azure OpenAI; set them by hand to change parallelism or sizes.
        "Translation__Chat__MaxParallelRequests",
        "Translation__Chat__MaxRequestCharacters",
        "Translation__Chat__MaxParagraphsPerRequest",
        "Translation__Chat__Timeout",
        "Translation__Chat__Temperature",
        "Translation__Chat__MaxOutputTokens",
        "Translation__Chat__MaxRetries",
        "Translation__Chat__RetryDelay",
        "Translation__Chat__MaxRetryDelay",
        "Translation__Chat__MaxServerRetryDelay",
        "Translation__Chat__StructuredOutput",

        // The builtin extractor's chunk size for very large texts: its default suits every plan.
        "Entities__BuiltinChunkCharacters",
    };

    /// <summary>Key-based settings for local development only; the template must never set them.</summary>
    public static readonly IReadOnlySet<string> NeverSetByTemplate = new HashSet<string>(StringComparer.Ordinal)
    {
        "Translation__Key",
        "Translation__Chat__Key",
        "Language__Key",
        "AzureWebJobsStorage",
        "AzureWebJobsStorage__accountKey",
        "APPINSIGHTS_INSTRUMENTATIONKEY",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
    };

    /// <summary>Every name the Functions app reads: what the template sets plus what it deliberately leaves out.</summary>
    public static IReadOnlySet<string> ReadByApp => SetByTemplate.Union(ReadButNotSetByTemplate).ToHashSet(StringComparer.Ordinal);
}
