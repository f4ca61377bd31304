using Azure;
using Azure.Core;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// Where a service lives and how to authenticate: a key (<see cref="AzureKeyCredential"/>) or an Entra token
/// credential (managed identity / <c>DefaultAzureCredential</c>) for scope <see cref="Scope"/>.
/// Its <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class AzureAIConnection
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    AzureAIConnection(Uri endpoint, AzureKeyCredential? key, TokenCredential? token, string? region)
    {
        Endpoint = endpoint;
        Key = key;
        Token = token;
        Region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
    }

    public Uri Endpoint { get; }
    public AzureKeyCredential? Key { get; }
    public TokenCredential? Token { get; }
    public string? Region { get; }

    public static AzureAIConnection WithKey(Uri endpoint, string key, string? region = null) =>
        new(endpoint, new AzureKeyCredential(key), null, region);

    public static AzureAIConnection WithToken(Uri endpoint, TokenCredential credential, string? region = null) =>
        new(endpoint, null, credential, region);

    public override string ToString() => $"{Endpoint} ({(Key is null ? "Entra token" : "key")}{(Region is null ? string.Empty : $", region {Region}")})";
}
