using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Entities.AzureLanguage;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// Registers the Azure AI providers. Endpoints and keys come from the documented keys (<c>Translation:Endpoint</c>,
/// <c>Translation:Region</c>, <c>Translation:Key</c>, <c>Language:Endpoint</c>, <c>Language:Key</c>); an absent key
/// means Entra auth through <c>DefaultAzureCredential</c> (managed identity in Azure). A missing endpoint is a
/// configuration error reported at startup. Tests may register an <see cref="HttpPipelineTransport"/> to reach a fake.
/// </summary>
public static class AzureAIServiceCollectionExtensions
{
    public static IServiceCollection AddAzureTranslationProvider(this IServiceCollection services, IConfiguration configuration)
    {
        RequireEndpoint(configuration, TranslationOptions.Section, "Translation:Provider is azure");
        services.AddAzureAICommon(configuration);
        services.TryAddSingleton(sp => TranslatorGlossary.From(sp.GetRequiredService<IOptions<AzureAIOptions>>().Value.Glossary));
        services.TryAddSingleton(sp => new TranslationPlanner(sp.GetRequiredService<TextChunker>()));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TranslationOptions>>().Value;
            var connection = Connect(sp, options.Endpoint!, options.Key, options.Region);
            return new TranslatorClient(ServiceClient(sp, TranslatorClient.ServiceName, connection));
        });
        services.TryAddSingleton<AzureTranslationProvider>();
        services.AddSingleton<ITranslationProvider>(sp => sp.GetRequiredService<AzureTranslationProvider>());
        return services;
    }

    /// <summary>Registers <see cref="AzureEntityExtractor"/> (not as <see cref="IEntityExtractor"/>: the caller decides azure or both).</summary>
    public static IServiceCollection AddAzureEntityExtractor(this IServiceCollection services, IConfiguration configuration)
    {
        RequireEndpoint(configuration, LanguageServiceOptions.Section, "Entities:Provider is azure or both");
        services.AddAzureAICommon(configuration);
        services.TryAddSingleton(sp => new LanguageDocumentChunker(
            sp.GetRequiredService<TextChunker>(),
            Math.Min(5_120, sp.GetRequiredService<IOptions<AzureAIOptions>>().Value.MaxDocumentTextElements)));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LanguageServiceOptions>>().Value;
            var connection = Connect(sp, options.Endpoint!, options.Key, region: null);
            return new LanguageClient(ServiceClient(sp, LanguageClient.ServiceName, connection));
        });
        services.TryAddSingleton<AzureEntityExtractor>();
        return services;
    }

    static void AddAzureAICommon(this IServiceCollection services, IConfiguration configuration)
    {
        // Bind once: binding a list twice appends it twice (the glossary would double).
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<AzureAIOptions>)))
        {
            services.AddOptions<AzureAIOptions>().Bind(configuration.GetSection(AzureAIOptions.Section));
        }

        services.TryAddSingleton<TextChunker>();
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
    }

    static AzureAIConnection Connect(IServiceProvider services, Uri endpoint, string? key, string? region) =>
        string.IsNullOrWhiteSpace(key)
            ? AzureAIConnection.WithToken(endpoint, services.GetRequiredService<TokenCredential>(), region)
            : AzureAIConnection.WithKey(endpoint, key, region);

    static AzureAIServiceClient ServiceClient(IServiceProvider services, string name, AzureAIConnection connection) => new(
        name,
        connection,
        services.GetRequiredService<IOptions<AzureAIOptions>>().Value,
        services.GetRequiredService<ILoggerFactory>().CreateLogger($"PressRoom.AzureAI.{name}"),
        services.GetService<HttpPipelineTransport>());

    static void RequireEndpoint(IConfiguration configuration, string section, string because)
    {
        var value = configuration[$"{section}:Endpoint"];
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{section}:Endpoint must be an absolute https URL when {because} (got '{value}').");
        }
    }
}
