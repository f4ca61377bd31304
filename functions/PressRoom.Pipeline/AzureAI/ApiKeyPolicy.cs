using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// Adds <c>Ocp-Apim-Subscription-Key</c> (and the region header a regional or multi-service Translator resource
/// needs). Azure.Core's logging redacts every header not on its allow list, so the key never reaches the logs.
/// </summary>
internal sealed class ApiKeyPolicy(AzureKeyCredential key, string? region) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue(AzureAIHeaders.SubscriptionKey, key.Key);
        if (!string.IsNullOrWhiteSpace(region))
        {
            message.Request.Headers.SetValue(AzureAIHeaders.SubscriptionRegion, region);
        }
    }
}

/// <summary>Adds the region header alone (Entra auth on a regional resource).</summary>
internal sealed class RegionHeaderPolicy(string region) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(AzureAIHeaders.SubscriptionRegion, region);
}

internal static class AzureAIHeaders
{
    public const string SubscriptionKey = "Ocp-Apim-Subscription-Key";
    public const string SubscriptionRegion = "Ocp-Apim-Subscription-Region";
}
