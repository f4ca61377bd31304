using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>
/// Builds the <see cref="IChatClient"/> of the chat translator: the OpenAI client (any OpenAI-compatible server, and
/// Azure OpenAI's v1 endpoint) with the capped retry policy and the per-try timeout; a key when configured, otherwise a
/// bearer token from the Azure credential for the Cognitive Services scope.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>The Entra ID scope Azure OpenAI accepts.</summary>
    public const string AzureOpenAIScope = "https://cognitiveservices.azure.com/.default";

    public static IChatClient Create(ChatTranslationOptions options, TokenCredential? credential, PipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint ?? throw new InvalidOperationException("Translation:Chat:Endpoint is required when Translation:Provider is chat."),
            NetworkTimeout = options.Timeout,
            RetryPolicy = new CappedClientRetryPolicy(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay, options.MaxServerRetryDelay),
            UserAgentApplicationId = "PressRoom",
        };
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        var model = options.Model ?? throw new InvalidOperationException("Translation:Chat:Model is required when Translation:Provider is chat.");
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return new ChatClient(model, new ApiKeyCredential(options.Key), clientOptions).AsIChatClient();
        }

        // The token-policy constructor is marked experimental (OPENAI001); it is the documented way to reach Azure
        // OpenAI's v1 endpoint with Entra ID, and the only one without a key.
#pragma warning disable OPENAI001
        var policy = new BearerTokenPolicy(credential ?? throw new InvalidOperationException("No key and no Azure credential for the chat translator."), AzureOpenAIScope);
        return new ChatClient(model, policy, clientOptions).AsIChatClient();
#pragma warning restore OPENAI001
    }
}
