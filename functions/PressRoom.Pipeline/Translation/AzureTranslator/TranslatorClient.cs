using System.Text.Json;
using System.Text.Json.Serialization;
using PressRoom.Pipeline.AzureAI;

namespace PressRoom.Pipeline.Translation.AzureTranslator;

/// <summary>
/// Typed client for Translator v3.0 <c>POST /translate</c>. The global endpoint
/// (<c>api.cognitive.microsofttranslator.com</c>) takes the path <c>/translate</c>; a custom-subdomain endpoint
/// (<c>*.cognitiveservices.azure.com</c>, the one Entra auth needs) takes <c>/translator/text/v3.0/translate</c>.
/// An endpoint configured with a path keeps it and gets <c>/translate</c> appended.
/// </summary>
public sealed class TranslatorClient(AzureAIServiceClient service)
{
    public const string ServiceName = "Translator";
    public const string ApiVersion = "3.0";

    public AzureAIServiceClient Service => service;

    public static string TranslatePath(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.TrimEnd('/');
        if (path.Length > 0)
        {
            return "/translate";
        }

        return endpoint.Host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
            ? "/translator/text/v3.0/translate"
            : "/translate";
    }

    /// <summary>Translates <paramref name="texts"/> (one array element each) from <paramref name="from"/> into every target, with alignment.</summary>
    /// <returns>Per input text, the translation for each target in the order of <paramref name="to"/>.</returns>
    public async Task<IReadOnlyList<IReadOnlyList<TranslatedText>>> TranslateAsync(
        IReadOnlyList<string> texts, string from, IReadOnlyList<string> to, CancellationToken cancellationToken)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("api-version", ApiVersion),
            new("from", from),
        };
        query.AddRange(to.Select(t => new KeyValuePair<string, string>("to", t)));
        query.Add(new("textType", "plain"));
        query.Add(new("includeAlignment", "true"));

        var body = JsonSerializer.SerializeToUtf8Bytes(texts.Select(t => new TranslateInput(t)).ToArray());
        var items = await service.PostAsync<TranslateItem[]>(
            service.BuildUri(TranslatePath(service.Connection.Endpoint), query), body, "translate", cancellationToken);

        if (items.Length != texts.Count)
        {
            throw Malformed($"{items.Length} results for {texts.Count} texts");
        }

        var results = new List<IReadOnlyList<TranslatedText>>(items.Length);
        foreach (var item in items)
        {
            var translations = item.Translations ?? [];
            var perTarget = new List<TranslatedText>(to.Count);
            for (var t = 0; t < to.Count; t++)
            {
                var translation = translations.FirstOrDefault(x => string.Equals(x.To, to[t], StringComparison.OrdinalIgnoreCase))
                    ?? (translations.Length == to.Count && translations[t].To is null ? translations[t] : null);
                if (translation?.Text is null)
                {
                    throw Malformed($"no translation into '{to[t]}'");
                }

                perTarget.Add(new TranslatedText(to[t], translation.Text, translation.Alignment?.Proj));
            }

            results.Add(perTarget);
        }

        return results;
    }

    static AzureAITransientException Malformed(string what) =>
        new($"{ServiceName}:MalformedResponse", $"Azure AI {ServiceName} translate answered with {what}, which the contract does not allow.");

    sealed record TranslateInput([property: JsonPropertyName("Text")] string Text);

    sealed class TranslateItem
    {
        public TranslationItem[]? Translations { get; set; }
    }

    sealed class TranslationItem
    {
        public string? To { get; set; }
        public string? Text { get; set; }
        public AlignmentItem? Alignment { get; set; }
    }

    sealed class AlignmentItem
    {
        public string? Proj { get; set; }
    }
}

/// <summary>One translated element: its target language, text and raw alignment projection (may be absent).</summary>
public sealed record TranslatedText(string To, string Text, string? AlignmentProj);
