using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PressRoom.Tests.AzureAI.Fakes;

/// <summary>
/// A fake Azure AI Translator v3.0 <c>/translate</c> following the documented contract: key (+ region) or bearer
/// auth, api-version 3.0, <c>to</c> required and repeatable, JSON array body of <c>{ "Text" }</c>, at most 1,000
/// elements and 50,000 code points × targets per request, numeric error codes, one result per element in order,
/// alignment when asked, <c>X-RequestId</c> and <c>X-metered-usage</c> headers.
/// </summary>
public sealed class FakeTranslator : IAsyncDisposable
{
    FakeTranslator(FakeHttpServer server, FakeTranslationEngine engine)
    {
        Server = server;
        Engine = engine;
    }

    public FakeHttpServer Server { get; }

    public FakeTranslationEngine Engine { get; }

    public string? ExpectedKey { get; set; } = "translator-test-key";

    public string? ExpectedRegion { get; set; }

    public string? ExpectedBearerToken { get; set; }

    public IEnumerable<RecordedRequest> TranslateRequests => Server.Requests.Where(r => r.Path.EndsWith("/translate", StringComparison.Ordinal));

    public static async Task<FakeTranslator> StartAsync(IReadOnlyDictionary<string, string>? lexicon = null, bool https = false)
    {
        FakeTranslator? fake = null;
        var server = await FakeHttpServer.StartAsync((request, context) => fake!.HandleAsync(request, context), https);
        fake = new FakeTranslator(server, new FakeTranslationEngine(lexicon ?? new Dictionary<string, string>()));
        return fake;
    }

    async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        context.Response.Headers["X-RequestId"] = Guid.NewGuid().ToString();
        if (request.Method != "POST" || !request.Path.EndsWith("/translate", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, 404000, "The requested resource was not found.");
            return;
        }

        if (!Authorized(request))
        {
            await ErrorAsync(context, 401, 401000, "The request is not authorized because credentials are missing or invalid.");
            return;
        }

        if (request.QueryValue("api-version") != "3.0")
        {
            await ErrorAsync(context, 400, 400021, "The API version parameter is missing or invalid.");
            return;
        }

        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await ErrorAsync(context, 415, 415000, "The Content-Type header is missing or invalid.");
            return;
        }

        var targets = request.Query.TryGetValue("to", out var to) ? to.SelectMany(t => t.Split(',')).ToArray() : [];
        if (targets.Length == 0)
        {
            await ErrorAsync(context, 400, 400036, "The target language is not valid.");
            return;
        }

        string[] texts;
        try
        {
            texts = [.. JsonNode.Parse(request.Body)!.AsArray().Select(e => e!["Text"]!.GetValue<string>())];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
        {
            await ErrorAsync(context, 400, 400074, "The body of the request is not valid JSON.");
            return;
        }

        if (texts.Length > 1000)
        {
            await ErrorAsync(context, 400, 400072, "The number of elements in the text array exceeds 1000.");
            return;
        }

        var characters = texts.Sum(t => t.EnumerateRunes().Count()) * targets.Length;
        if (texts.Any(t => t.EnumerateRunes().Count() > 50_000))
        {
            await ErrorAsync(context, 400, 400050, "The input text is too long.");
            return;
        }

        if (characters > 50_000)
        {
            await ErrorAsync(context, 400, 400077, "The maximum request size has been exceeded.");
            return;
        }

        var includeAlignment = string.Equals(request.QueryValue("includeAlignment"), "true", StringComparison.OrdinalIgnoreCase);
        var from = request.QueryValue("from");
        var results = new JsonArray();
        foreach (var text in texts)
        {
            var item = new JsonObject();
            if (from is null)
            {
                item["detectedLanguage"] = new JsonObject { ["language"] = "ar", ["score"] = 1.0 };
            }

            var translations = new JsonArray();
            foreach (var target in targets)
            {
                var output = Engine.Translate(text);
                var translation = new JsonObject { ["text"] = output.Text, ["to"] = target };
                if (includeAlignment)
                {
                    translation["alignment"] = new JsonObject { ["proj"] = output.Proj };
                }

                translations.Add(translation);
            }

            item["translations"] = translations;
            results.Add(item);
        }

        context.Response.Headers["X-metered-usage"] = characters.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(results.ToJsonString());
    }

    bool Authorized(RecordedRequest request)
    {
        if (ExpectedBearerToken is not null)
        {
            return request.Header("Authorization") == $"Bearer {ExpectedBearerToken}";
        }

        return request.Header("Ocp-Apim-Subscription-Key") == ExpectedKey
            && (ExpectedRegion is null || request.Header("Ocp-Apim-Subscription-Region") == ExpectedRegion);
    }

    /// <summary>Answers a seeded share of requests with a 429 (code 429001), a 500 (code 500000) or a hang.</summary>
    public FakeChaos EnableChaos(int seed, double rate, TimeSpan hangFor)
    {
        var chaos = new FakeChaos(seed, rate, fault => fault == ChaosFault.Throttled
            ? ErrorBody(429001, "The server rejected the request because the client has exceeded request limits.")
            : ErrorBody(500000, "An unexpected error occurred. If the error persists, report it with date/time of error, request identifier from response header X-RequestId, and client identifier from request header X-ClientTraceId."))
        {
            HangFor = hangFor,
        };
        Server.Chaos = chaos;
        return chaos;
    }

    /// <summary>The documented error body: <c>code</c> is a JSON number.</summary>
    public static string ErrorBody(int code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    static async Task ErrorAsync(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(ErrorBody(code, message));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
