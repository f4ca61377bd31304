using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PressRoom.Tests.AzureAI.Fakes;

/// <summary>What the fake model does with one chat request, decided from the paragraphs it was sent.</summary>
public enum ChatBehavior
{
    /// <summary>Translate every paragraph; finish_reason stop.</summary>
    Answer,

    /// <summary>Leave out the last paragraph's id.</summary>
    DropLast,

    /// <summary>Add an id that was not sent.</summary>
    ExtraId,

    /// <summary>finish_reason content_filter with no content (Azure OpenAI's completion filter).</summary>
    FilterCompletion,

    /// <summary>400 with error code content_filter (Azure OpenAI's prompt filter).</summary>
    FilterPrompt,

    /// <summary>finish_reason length, the JSON cut off mid-way.</summary>
    Truncate,

    /// <summary>Prose instead of JSON.</summary>
    Malformed,
}

/// <summary>
/// An in-process OpenAI-compatible chat completions server (Kestrel on 127.0.0.1) following the documented contract:
/// POST {base}/chat/completions with Bearer auth, messages, temperature and response_format (json_schema); answers a
/// chat.completion with choices[0].message.content, finish_reason and usage (prompt/completion tokens). The "model"
/// translates each paragraph of the JSON it is sent with <see cref="FakeTranslationEngine"/>, reports names, and can
/// misbehave per request (<see cref="Behave"/>) the ways real models and Azure's content filter do.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    public const string Model = "fake-gpt";

    readonly FakeTranslationEngine engine;
    long promptTokens, completionTokens;

    FakeChatServer(FakeHttpServer server, IReadOnlyDictionary<string, string> lexicon)
    {
        Server = server;
        engine = new FakeTranslationEngine(lexicon);
    }

    public FakeHttpServer Server { get; }

    /// <summary>The base URL the OpenAI client takes (ends in /v1).</summary>
    public Uri Endpoint => new(Server.BaseAddress, "/v1");

    public string ExpectedKey { get; init; } = "chat-test-key-" + Guid.NewGuid().ToString("N");

    /// <summary>Behaviour per request from the ids and texts sent; default: answer.</summary>
    public Func<IReadOnlyList<(string Id, string Text)>, ChatBehavior> Behave { get; set; } = _ => ChatBehavior.Answer;

    /// <summary>Names the "model" reports in every reply (source → English).</summary>
    public Dictionary<string, string> ReportedNames { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<JsonObject> Bodies { get; } = new();

    public long PromptTokens => Interlocked.Read(ref promptTokens);

    public long CompletionTokens => Interlocked.Read(ref completionTokens);

    public static async Task<FakeChatServer> StartAsync(IReadOnlyDictionary<string, string>? lexicon = null)
    {
        FakeChatServer? fake = null;
        var server = await FakeHttpServer.StartAsync((request, context) => fake!.HandleAsync(request, context));
        fake = new FakeChatServer(server, lexicon ?? AzureAITestKit.Lexicon);
        return fake;
    }

    public static string ErrorBody(string code, string message, string type = "invalid_request_error") =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code } }.ToJsonString();

    async Task HandleAsync(RecordedRequest request, HttpContext context)
    {
        if (request.Method != "POST" || request.Path != "/v1/chat/completions")
        {
            await WriteAsync(context, 404, ErrorBody("not_found", "Unknown path"));
            return;
        }

        if (request.Header("Authorization") != "Bearer " + ExpectedKey)
        {
            await WriteAsync(context, 401, ErrorBody("invalid_api_key", "Incorrect API key provided."));
            return;
        }

        var body = JsonNode.Parse(request.Body)!.AsObject();
        Bodies.Enqueue(body);
        if (body["model"]?.GetValue<string>() != Model)
        {
            await WriteAsync(context, 404, ErrorBody("model_not_found", "The model does not exist."));
            return;
        }

        var messages = body["messages"]!.AsArray();
        var user = messages.Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!;
        var content = user is JsonArray parts ? parts[0]!["text"]!.GetValue<string>() : user.GetValue<string>();
        var sent = JsonNode.Parse(content)!["paragraphs"]!.AsArray()
            .Select(p => (p!["id"]!.GetValue<string>(), p["text"]!.GetValue<string>())).ToList();
        var prompt = messages.Sum(m => m!["content"]!.ToJsonString().Length) / 4;

        var behavior = Behave(sent);
        if (behavior == ChatBehavior.FilterPrompt)
        {
            await WriteAsync(context, 400, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
                    ["type"] = null, ["param"] = "prompt", ["code"] = "content_filter", ["status"] = 400,
                    ["innererror"] = new JsonObject { ["code"] = "ResponsibleAIPolicyViolation" },
                },
            }.ToJsonString());
            return;
        }

        var answered = behavior == ChatBehavior.DropLast ? sent.Take(sent.Count - 1).ToList() : sent;
        var items = new JsonArray();
        foreach (var (id, text) in answered)
        {
            items.Add(new JsonObject { ["id"] = id, ["text"] = engine.Translate(text).Text });
        }

        if (behavior == ChatBehavior.ExtraId)
        {
            items.Add(new JsonObject { ["id"] = "p9999", ["text"] = "An invented paragraph." });
        }

        var names = new JsonArray();
        foreach (var (source, english) in ReportedNames.Where(n => sent.Any(s => s.Item2.Contains(n.Key, StringComparison.Ordinal))))
        {
            names.Add(new JsonObject { ["source"] = source, ["english"] = english });
        }

        var json = new JsonObject { ["paragraphs"] = items, ["names"] = names }.ToJsonString();
        var (reply, finish) = behavior switch
        {
            ChatBehavior.FilterCompletion => ((string?)null, "content_filter"),
            ChatBehavior.Truncate => (json[..(json.Length / 2)], "length"),
            ChatBehavior.Malformed => ("Here is the translation you asked for.", "stop"),
            _ => (json, "stop"),
        };
        var completion = (reply?.Length ?? 0) / 4;
        Interlocked.Add(ref promptTokens, prompt);
        Interlocked.Add(ref completionTokens, completion);
        await WriteAsync(context, 200, new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                ["finish_reason"] = finish,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion },
        }.ToJsonString());
    }

    static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
