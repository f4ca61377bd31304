using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Entities.AzureLanguage;
using PressRoom.Pipeline.Entities.Bilingual;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Tests.AzureAI;

public sealed class AzureAIRegistrationTests
{
    static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings.TryAdd("AzureWebJobsStorage", "UseDevelopmentStorage=true");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPressRoomPipeline(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Azure_translation_and_both_entity_providers_are_chosen_by_the_documented_keys()
    {
        using var services = Build(new()
        {
            ["Translation:Provider"] = "azure",
            ["Translation:Endpoint"] = "https://api.cognitive.microsofttranslator.com",
            ["Translation:Region"] = "qatarcentral",
            ["Translation:Key"] = "k1",
            ["Translation:TargetLanguages"] = "en,fr",
            ["Entities:Provider"] = "both",
            ["Language:Endpoint"] = "https://pressroom-lang.cognitiveservices.azure.com",
            ["Language:Key"] = "k2",
            ["AzureAI:MaxParallelRequests"] = "2",
            ["AzureAI:Glossary:0:Source"] = "الدوحة",
            ["AzureAI:Glossary:0:Target"] = "Doha",
        });

        Assert.IsType<AzureTranslationProvider>(services.GetRequiredService<ITranslationProvider>());
        Assert.IsType<CombinedEntityExtractor>(services.GetRequiredService<IEntityExtractor>());
        Assert.Equal(1, services.GetRequiredService<TranslatorGlossary>().Count);
        Assert.Equal(2, services.GetRequiredService<IOptions<AzureAIOptions>>().Value.MaxParallelRequests);
        var translator = services.GetRequiredService<TranslatorClient>().Service.Connection;
        Assert.Equal(("qatarcentral", true), (translator.Region, translator.Key is not null));
        Assert.Equal(["en", "fr"], services.GetRequiredService<IOptions<TranslationOptions>>().Value.TargetLanguageList);
    }

    [Fact]
    public void An_absent_key_means_entra_auth_through_the_registered_token_credential()
    {
        using var services = Build(new()
        {
            ["Entities:Provider"] = "azure",
            ["Language:Endpoint"] = "https://pressroom-lang.cognitiveservices.azure.com",
        });

        Assert.IsType<AzureEntityExtractor>(services.GetRequiredService<IEntityExtractor>());
        var connection = services.GetRequiredService<LanguageClient>().Service.Connection;
        Assert.Null(connection.Key);
        Assert.Same(services.GetRequiredService<TokenCredential>(), connection.Token);
    }

    [Fact]
    public void The_builtin_provider_stays_the_default()
    {
        using var services = Build([]);

        // The builtin extractor, read in chunks when a text is very large.
        var extractor = Assert.IsType<ChunkedEntityExtractor>(services.GetRequiredService<IEntityExtractor>());
        Assert.Equal(BuiltinEntityExtractor.ProviderName, extractor.Name);
        Assert.Equal(ChunkedEntityExtractor.DefaultMaxChunkCharacters, extractor.MaxChunkCharacters);
        Assert.IsType<NoTranslationProvider>(services.GetRequiredService<ITranslationProvider>());
    }

    [Theory]
    [InlineData("Translation:Provider", "azure", "Translation:Endpoint")]
    [InlineData("Entities:Provider", "both", "Language:Endpoint")]
    public void A_missing_endpoint_is_a_clear_startup_error(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { [key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
