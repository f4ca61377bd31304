using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PressRoom.Tests.AzureAI.Fakes;

/// <summary>An entity the fake NER "model" knows: surface form, 2024-11-01 category/type/tags and optional metadata.</summary>
public sealed record FakeEntity(string Text, string Category, string Type, string[] Tags, JsonObject? Metadata = null, string? Subcategory = null);

/// <summary>An entity the fake Entity Linking knows: the surface forms that link to a Wikipedia article.</summary>
public sealed record FakeLink(string Name, string Id, string Url, params string[] Forms);

/// <summary>
/// A fake Azure AI Language <c>POST /language/:analyze-text</c> (EntityRecognition, EntityLinking) following the
/// documented contract: key or bearer auth, api-version required, at most 5 documents (else 400 InvalidDocumentBatch),
/// per-document errors in a 200 (empty or over 5,120 text elements → InvalidDocument; linking only for en/es and
/// configurable NER languages → UnsupportedLanguageCode), offsets counted per the requested <c>stringIndexType</c>
/// (default TextElements_v8), documents answered in reverse order. Known names match with or without Arabic diacritics.
/// </summary>
public sealed class FakeLanguage : IAsyncDisposable
{
    static readonly string[] ApiVersions = ["2022-05-01", "2023-04-01", "2024-11-01"];

    FakeLanguage(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public string? ExpectedKey { get; set; } = "language-test-key";

    public string? ExpectedBearerToken { get; set; }

    public List<FakeEntity> Entities { get; } = [];

    public List<FakeLink> Links { get; } = [];

    /// <summary>Languages NER refuses with UnsupportedLanguageCode.</summary>
    public HashSet<string> UnsupportedNerLanguages { get; } = [];

    /// <summary>Documents containing this marker fail with InvalidDocument (to exercise partial failures).</summary>
    public string? RejectDocumentsContaining { get; set; }

    public IEnumerable<RecordedRequest> AnalyzeRequests => Server.Requests.Where(r => r.Path == "/language/:analyze-text");

    public IEnumerable<RecordedRequest> RequestsOfKind(string kind) =>
        AnalyzeRequests.Where(r => JsonNode.Parse(r.Body)?["kind"]?.GetValue<string>() == kind);

    public static async Task<FakeLanguage> StartAsync(bool https = false)
    {
        FakeLanguage? fake = null;
        var server = await FakeHttpServer.StartAsync((request, context) => fake!.HandleAsync(request, context), https);
        fake = new FakeLanguage(server);
        return fake;
    }

    async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        context.Response.Headers["apim-request-id"] = Guid.NewGuid().ToString();
        if (request.Method != "POST" || request.Path != "/language/:analyze-text")
        {
            await ErrorAsync(context, 404, ErrorBody("404", "Resource not found."));
            return;
        }

        if (!Authorized(request))
        {
            await ErrorAsync(context, 401, ErrorBody("401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."));
            return;
        }

        if (!ApiVersions.Contains(request.QueryValue("api-version")))
        {
            await ErrorAsync(context, 400, ErrorBody("InvalidRequest", "Invalid Request.", "InvalidParameterValue", "The api-version is missing or not supported."));
            return;
        }

        JsonNode body;
        try
        {
            body = JsonNode.Parse(request.Body)!;
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, ErrorBody("InvalidRequest", "Invalid Request.", "InvalidRequestBodyFormat", "Request body format is wrong."));
            return;
        }

        var kind = body["kind"]?.GetValue<string>();
        if (kind is not ("EntityRecognition" or "EntityLinking"))
        {
            await ErrorAsync(context, 400, ErrorBody("InvalidRequest", $"Unknown kind '{kind}'."));
            return;
        }

        var documents = body["analysisInput"]?["documents"]?.AsArray() ?? [];
        if (documents.Count == 0)
        {
            await ErrorAsync(context, 400, ErrorBody("InvalidRequest", "Invalid Request.", "MissingInputDocuments", "Missing input documents."));
            return;
        }

        if (documents.Count > 5)
        {
            await ErrorAsync(context, 400, ErrorBody("InvalidRequest", "Invalid document in request.", "InvalidDocumentBatch", "Batch request contains too many records. Max 5 records are permitted."));
            return;
        }

        var indexType = body["parameters"]?["stringIndexType"]?.GetValue<string>() ?? "TextElements_v8";
        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (var document in documents)
        {
            var id = document!["id"]!.GetValue<string>();
            var text = document["text"]?.GetValue<string>() ?? string.Empty;
            var language = document["language"]?.GetValue<string>() ?? "en";
            if (DocumentError(kind, text, language) is { } error)
            {
                errors.Insert(0, new JsonObject { ["id"] = id, ["error"] = error });
                continue;
            }

            var entities = kind == "EntityRecognition" ? Recognize(text, indexType) : Link(text, indexType, language);
            results.Insert(0, new JsonObject { ["id"] = id, ["entities"] = entities, ["warnings"] = new JsonArray() });
        }

        var answer = new JsonObject
        {
            ["kind"] = kind + "Results",
            ["results"] = new JsonObject { ["documents"] = results, ["errors"] = errors, ["modelVersion"] = "2025-01-01" },
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    JsonObject? DocumentError(string kind, string text, string language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error("InvalidArgument", "Invalid document in request.", "InvalidDocument", "Document text is empty.");
        }

        if (new StringInfo(text).LengthInTextElements > 5120)
        {
            return Error("InvalidArgument", "Invalid document in request.", "InvalidDocument", "A document within the request was too large to be processed. Limit document size to: 5120 text elements.");
        }

        if ((kind == "EntityLinking" && language is not ("en" or "es")) || (kind == "EntityRecognition" && UnsupportedNerLanguages.Contains(language)))
        {
            return Error("InvalidArgument", "Invalid Language Code.", "UnsupportedLanguageCode", $"Invalid language code '{language}'.");
        }

        return RejectDocumentsContaining is { } marker && text.Contains(marker, StringComparison.Ordinal)
            ? Error("InvalidArgument", "Invalid document in request.", "InvalidDocument", "Document could not be processed.")
            : null;
    }

    JsonArray Recognize(string text, string indexType)
    {
        var found = new JsonArray();
        var taken = new bool[text.Length];
        foreach (var entity in Entities.OrderByDescending(e => e.Text.Length))
        {
            foreach (Match match in Pattern(entity.Text).Matches(text))
            {
                if (Enumerable.Range(match.Index, match.Length).Any(i => taken[i]))
                {
                    continue;
                }

                for (var i = match.Index; i < match.Index + match.Length; i++)
                {
                    taken[i] = true;
                }

                var json = new JsonObject
                {
                    ["text"] = match.Value,
                    ["category"] = entity.Category,
                    ["type"] = entity.Type,
                    ["offset"] = Offset(text, match.Index, indexType),
                    ["length"] = Offset(text, match.Index + match.Length, indexType) - Offset(text, match.Index, indexType),
                    ["confidenceScore"] = 0.9,
                    ["tags"] = new JsonArray([.. entity.Tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["confidenceScore"] = 0.9 })]),
                };
                if (entity.Subcategory is not null)
                {
                    json["subcategory"] = entity.Subcategory;
                }

                if (entity.Metadata is not null)
                {
                    json["metadata"] = entity.Metadata.DeepClone();
                }

                found.Add(json);
            }
        }

        return found;
    }

    JsonArray Link(string text, string indexType, string language)
    {
        var linked = new JsonArray();
        foreach (var link in Links)
        {
            var matches = new JsonArray();
            foreach (var form in link.Forms)
            {
                foreach (Match match in Pattern(form).Matches(text))
                {
                    matches.Add(new JsonObject
                    {
                        ["text"] = match.Value,
                        ["offset"] = Offset(text, match.Index, indexType),
                        ["length"] = Offset(text, match.Index + match.Length, indexType) - Offset(text, match.Index, indexType),
                        ["confidenceScore"] = 0.8,
                    });
                }
            }

            if (matches.Count > 0)
            {
                linked.Add(new JsonObject
                {
                    ["name"] = link.Name,
                    ["matches"] = matches,
                    ["language"] = language,
                    ["id"] = link.Id,
                    ["url"] = link.Url,
                    ["dataSource"] = "Wikipedia",
                });
            }
        }

        return linked;
    }

    /// <summary>A name as a pattern that tolerates Arabic diacritics after any letter and requires word boundaries.</summary>
    static Regex Pattern(string name)
    {
        var pattern = new StringBuilder(@"(?<![\p{L}\p{N}])");
        foreach (var c in name)
        {
            pattern.Append(Regex.Escape(c.ToString()));
            if (char.IsLetter(c))
            {
                pattern.Append(@"[\u064B-\u065F\u0670]*");
            }
        }

        return new Regex(pattern.Append(@"(?![\p{L}\p{N}])").ToString(), RegexOptions.CultureInvariant);
    }

    static int Offset(string text, int utf16, string indexType) => indexType switch
    {
        "Utf16CodeUnit" => utf16,
        "UnicodeCodePoint" => text[..utf16].EnumerateRunes().Count(),
        _ => new StringInfo(text[..utf16]).LengthInTextElements,
    };

    bool Authorized(RecordedRequest request) => ExpectedBearerToken is not null
        ? request.Header("Authorization") == $"Bearer {ExpectedBearerToken}"
        : request.Header("Ocp-Apim-Subscription-Key") == ExpectedKey;

    static JsonObject Error(string code, string message, string? inner = null, string? innerMessage = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (inner is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = inner, ["message"] = innerMessage };
        }

        return error;
    }

    /// <summary>
    /// Answers a seeded share of requests with a 429 (the gateway's string code "429" and a Retry-After), a 500
    /// (<c>InternalServerError</c>) or a hang.
    /// </summary>
    public FakeChaos EnableChaos(int seed, double rate, TimeSpan hangFor)
    {
        var chaos = new FakeChaos(seed, rate, fault => fault == ChaosFault.Throttled
            ? ErrorBody("429", "Requests to the Analyze Text Operation under Azure AI Language API have exceeded rate limit of your current pricing tier. Please retry after 1 second.")
            : ErrorBody("InternalServerError", "Internal server error."))
        {
            HangFor = hangFor,
        };
        Server.Chaos = chaos;
        return chaos;
    }

    public static string ErrorBody(string code, string message, string? inner = null, string? innerMessage = null) =>
        new JsonObject { ["error"] = Error(code, message, inner, innerMessage) }.ToJsonString();

    static async Task ErrorAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
