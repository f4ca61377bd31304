using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Translation;
using PressRoom.Tests.AzureAI.Fakes;

namespace PressRoom.Tests.AzureAI;

public sealed class SecretRedactionTests
{
    [Fact]
    public async Task Keys_never_reach_azure_core_logs_our_logs_or_error_messages()
    {
        const string translatorKey = "tr-secret-5f1c9e0b7a";
        const string languageKey = "lang-secret-9d2a4c6e8f";
        await using var translator = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        await using var language = await FakeLanguage.StartAsync();
        translator.ExpectedKey = translatorKey;
        language.ExpectedKey = "a-different-key";
        var azureCore = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((e, message) => azureCore.Enqueue(message), EventLevel.Verbose);
        using var collector = new CollectingLoggerProvider();
        using var logs = LoggerFactory.Create(b => b.AddProvider(collector).SetMinimumLevel(LogLevel.Trace));

        var translation = await AzureAITestKit.Translation(translator, connection: AzureAIConnection.WithKey(translator.Server.BaseAddress, translatorKey, "westeurope"), logs: logs)
            .TranslateAsync(new TranslationRequest(["اجتماع في الدوحة"], "ar", "en"), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<AzureAIRequestRejectedException>(() =>
            AzureAITestKit.Entities(language, connection: AzureAIConnection.WithKey(language.Server.BaseAddress, languageKey), logs: logs)
                .ExtractAsync(new EntityRequest("اجتماع في الدوحة", "ar"), CancellationToken.None));

        Assert.Equal(TranslationStatus.Translated, translation.Status);
        var everything = string.Join('\n', azureCore.Concat(collector.Lines).Append(refused.ToString()));
        Assert.Contains("Ocp-Apim-Subscription-Key:REDACTED", everything, StringComparison.Ordinal);
        Assert.Contains("Request [", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(translatorKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(languageKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("اجتماع", string.Join('\n', azureCore), StringComparison.Ordinal); // bodies are not logged either
        Assert.DoesNotContain(translatorKey, AzureAIConnection.WithKey(translator.Server.BaseAddress, translatorKey).ToString(), StringComparison.Ordinal);
    }
}
