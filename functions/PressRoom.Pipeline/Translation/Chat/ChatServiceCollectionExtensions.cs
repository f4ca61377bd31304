using System.ClientModel.Primitives;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Entities.Builtin;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>
/// Registers <c>Translation:Provider=chat</c>. Endpoint and model are checked at start-up (a missing one is a
/// configuration error, not a failed release). Tests may register a <see cref="PipelineTransport"/> to reach a fake.
/// </summary>
public static class ChatServiceCollectionExtensions
{
    public static IServiceCollection AddChatTranslationProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ChatTranslationOptions.Section);
        var endpoint = section["Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"Translation:Chat:Endpoint must be an absolute http(s) URL ending in /v1 when Translation:Provider is chat (got '{endpoint}').");
        }

        if (string.IsNullOrWhiteSpace(section["Model"]))
        {
            throw new InvalidOperationException("Translation:Chat:Model is required when Translation:Provider is chat (Azure OpenAI: the deployment name).");
        }

        services.AddOptions<ChatTranslationOptions>().Bind(section);
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<AzureAIOptions>)))
        {
            // The house glossary lives under AzureAI:Glossary for every provider.
            services.AddOptions<AzureAIOptions>().Bind(configuration.GetSection(AzureAIOptions.Section));
        }

        services.TryAddSingleton<BuiltinEntityExtractor>();
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton<ChatNameHints>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChatTranslationOptions>>();
            var chat = ChatClientFactory.Create(
                options.Value,
                string.IsNullOrWhiteSpace(options.Value.Key) ? sp.GetRequiredService<TokenCredential>() : null,
                sp.GetService<PipelineTransport>());
            return new ChatTranslationProvider(chat, sp.GetRequiredService<ChatNameHints>(), options, sp.GetRequiredService<ILogger<ChatTranslationProvider>>());
        });
        services.AddSingleton<ITranslationProvider>(sp => sp.GetRequiredService<ChatTranslationProvider>());
        return services;
    }
}
