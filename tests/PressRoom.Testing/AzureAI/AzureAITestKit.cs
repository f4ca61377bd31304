using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Pipeline.Entities.AzureLanguage;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Tests.AzureAI;

/// <summary>Builds the real clients and providers pointed at the fakes, with fast retry timings.</summary>
internal static class AzureAITestKit
{
    public static AzureAIOptions FastOptions(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxServerRetryDelay = TimeSpan.FromSeconds(5),
        NetworkTimeout = TimeSpan.FromSeconds(10),
        MaxParallelRequests = 4,
    };

    public static TranslatorClient TranslatorClient(FakeTranslator fake, AzureAIOptions? options = null, AzureAIConnection? connection = null, ILoggerFactory? logs = null) =>
        new(new AzureAIServiceClient(
            Pipeline.Translation.AzureTranslator.TranslatorClient.ServiceName,
            connection ?? AzureAIConnection.WithKey(fake.Server.BaseAddress, fake.ExpectedKey!, fake.ExpectedRegion),
            options ?? FastOptions(),
            (logs ?? NullLoggerFactory.Instance).CreateLogger("translator"),
            fake.Server.Transport()));

    public static AzureTranslationProvider Translation(
        FakeTranslator fake, AzureAIOptions? options = null, TranslatorGlossary? glossary = null, AzureAIConnection? connection = null, ILoggerFactory? logs = null) =>
        new(
            TranslatorClient(fake, options, connection, logs),
            new TranslationPlanner(new TextChunker()),
            glossary ?? TranslatorGlossary.Empty,
            (logs ?? NullLoggerFactory.Instance).CreateLogger<AzureTranslationProvider>());

    public static LanguageClient LanguageClient(FakeLanguage fake, AzureAIOptions? options = null, AzureAIConnection? connection = null, ILoggerFactory? logs = null) =>
        new(new AzureAIServiceClient(
            Pipeline.Entities.AzureLanguage.LanguageClient.ServiceName,
            connection ?? AzureAIConnection.WithKey(fake.Server.BaseAddress, fake.ExpectedKey!),
            options ?? FastOptions(),
            (logs ?? NullLoggerFactory.Instance).CreateLogger("language"),
            fake.Server.Transport()));

    public static AzureEntityExtractor Entities(FakeLanguage fake, AzureAIOptions? options = null, AzureAIConnection? connection = null, ILoggerFactory? logs = null)
    {
        options ??= FastOptions();
        return new AzureEntityExtractor(
            LanguageClient(fake, options, connection, logs),
            new LanguageDocumentChunker(new TextChunker(), options.MaxDocumentTextElements),
            (logs ?? NullLoggerFactory.Instance).CreateLogger<AzureEntityExtractor>());
    }

    /// <summary>Sample Arabic → English lexicon for the fake translator (written for these tests).</summary>
    public static readonly IReadOnlyDictionary<string, string> Lexicon = new Dictionary<string, string>
    {
        ["الدوحة"] = "Doha",
        ["دولة قطر"] = "the State of Qatar",
        ["قطر"] = "Qatar",
        ["الأمم المتحدة"] = "the United Nations",
        ["مكتب الأمم المتحدة لمكافحة الإرهاب"] = "UN anti-terror office",
        ["وزارة الداخلية"] = "the Ministry of Interior",
        ["مليون دولار"] = "million dollars",
        ["ديسمبر"] = "December",
        ["عقدت"] = "held",
        ["أعلنت"] = "announced",
        ["اجتماعا"] = "a meeting",
        ["في"] = "in",
        ["مع"] = "with",
    };
}

/// <summary>A token credential that hands out a fixed token and remembers the scopes asked for.</summary>
internal sealed class FixedTokenCredential(string token) : TokenCredential
{
    public ConcurrentQueue<string[]> Scopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes.Enqueue(requestContext.Scopes);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

/// <summary>Collects every log line written through ILogger (to prove secrets stay out).</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    sealed class Collector(CollectingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

internal static class TransportExtensions
{
    public static HttpPipelineTransport Transport(this FakeTranslator fake) => fake.Server.Transport();
}
