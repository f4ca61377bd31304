using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Translation.Chat;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.AzureAI.Fakes;

namespace PressRoom.Tests.AzureAI;

/// <summary>
/// The chat translation provider against an in-process OpenAI-compatible server: the wire contract (auth, model,
/// temperature, structured output), paragraph alignment, split retries, content filters, truncation, throttling,
/// server errors and authentication failures.
/// </summary>
public sealed class ChatTranslatorContractTests
{
    static readonly string[] Release =
    [
        "وزارة الداخلية تعلن",
        "عقدت وزارة الداخلية في الدوحة اجتماعا",
        "",
        "أعلنت الأمم المتحدة",
        "FILTERME قطر",
        "ديسمبر قطر شركة زبرجد",
    ];

    static ChatTranslationProvider Provider(FakeChatServer fake, Action<ChatTranslationOptions>? configure = null, string? key = null, ILoggerFactory? logs = null, List<GlossaryEntry>? glossary = null)
    {
        var options = new ChatTranslationOptions
        {
            Endpoint = fake.Endpoint,
            Model = FakeChatServer.Model,
            Key = key ?? fake.ExpectedKey,
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxServerRetryDelay = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        var hints = new ChatNameHints(new BuiltinEntityExtractor(), Options.Create(new AzureAIOptions { Glossary = glossary ?? [] }));
        var factory = logs ?? NullLoggerFactory.Instance;
        return new ChatTranslationProvider(ChatClientFactory.Create(options, null), hints, Options.Create(options), factory.CreateLogger<ChatTranslationProvider>());
    }

    static Task<TranslationResult> TranslateAsync(ChatTranslationProvider provider, IReadOnlyList<string>? paragraphs = null) =>
        provider.TranslateAsync(new TranslationRequest(paragraphs ?? Release, "ar", "en"), CancellationToken.None);

    [Fact]
    public async Task Paragraphs_come_back_aligned_with_the_documented_request_shape()
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.ReportedNames["شركة زبرجد"] = "Zabarjad Company";
        var glossary = new List<GlossaryEntry> { new() { Source = "الأمم المتحدة", Target = "the United Nations" } };

        var result = await TranslateAsync(Provider(fake, glossary: glossary));

        Assert.Equal(("chat", TranslationStatus.Translated, null), (result.Provider, result.Status, result.Reason));
        Assert.Equal(Release.Length, result.Paragraphs.Count);
        Assert.Equal("", result.Paragraphs[2]);
        Assert.Contains("Ministry of Interior", result.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("Doha", result.Paragraphs[1], StringComparison.Ordinal);
        Assert.All(result.Paragraphs.Where((p, i) => i != 2), p => Assert.False(string.IsNullOrWhiteSpace(p)));
        Assert.Empty(result.Issues);
        Assert.Equal([new TranslatedName("شركة زبرجد", "Zabarjad Company")], result.Names);

        var body = Assert.Single(fake.Bodies);
        Assert.Equal(FakeChatServer.Model, body["model"]!.GetValue<string>());
        Assert.Equal(0, body["temperature"]!.GetValue<double>());
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        Assert.Equal(ChatTranslationPrompt.SchemaName, body["response_format"]!["json_schema"]!["name"]!.GetValue<string>());
        var content = body["messages"]![0]!["content"]!;
        var instructions = content is System.Text.Json.Nodes.JsonArray parts ? parts[0]!["text"]!.GetValue<string>() : content.GetValue<string>();
        Assert.Contains("وزارة الداخلية => Ministry of Interior", instructions, StringComparison.Ordinal);
        Assert.Contains("الأمم المتحدة => the United Nations", instructions, StringComparison.Ordinal);
        Assert.Equal((fake.PromptTokens, fake.CompletionTokens), (result.PromptTokens, result.CompletionTokens));
        Assert.True(result.PromptTokens > 0 && result.CompletionTokens > 0);
    }

    [Theory]
    [InlineData(ChatBehavior.DropLast)]
    [InlineData(ChatBehavior.ExtraId)]
    [InlineData(ChatBehavior.Truncate)]
    [InlineData(ChatBehavior.Malformed)]
    public async Task A_bad_reply_for_several_paragraphs_is_asked_again_smaller_until_every_paragraph_is_translated(ChatBehavior fault)
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.Behave = sent => sent.Count > 1 ? fault : ChatBehavior.Answer;

        var result = await TranslateAsync(Provider(fake));

        Assert.Equal(TranslationStatus.Translated, result.Status);
        Assert.Empty(result.Issues);
        Assert.All(result.Paragraphs.Where((p, i) => i != 2), p => Assert.False(string.IsNullOrWhiteSpace(p)));
        Assert.True(fake.Bodies.Count > 1, "the chunk was asked again");
    }

    [Theory]
    [InlineData(ChatBehavior.FilterCompletion, "Chat:ContentFiltered")]
    [InlineData(ChatBehavior.FilterPrompt, "Chat:ContentFiltered")]
    [InlineData(ChatBehavior.Truncate, "Chat:Truncated")]
    [InlineData(ChatBehavior.Malformed, "Chat:MalformedResponse")]
    public async Task A_paragraph_that_fails_alone_keeps_its_own_reason_and_the_rest_is_translated(ChatBehavior fault, string reasonCode)
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.Behave = sent => sent.Any(s => s.Text.Contains("FILTERME", StringComparison.Ordinal)) ? fault : ChatBehavior.Answer;

        var result = await TranslateAsync(Provider(fake));

        Assert.Equal(TranslationStatus.Translated, result.Status);
        var issue = Assert.Single(result.Issues);
        Assert.Equal((4, reasonCode), (issue.Paragraph, issue.ReasonCode));
        Assert.Equal("", result.Paragraphs[4]);
        Assert.Contains(reasonCode, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("FILTERME", result.Reason, StringComparison.Ordinal);
        Assert.All(result.Paragraphs.Where((p, i) => i is not 2 and not 4), p => Assert.False(string.IsNullOrWhiteSpace(p)));
    }

    [Fact]
    public async Task Every_paragraph_refused_is_a_failed_translation_with_reasons()
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.Behave = _ => ChatBehavior.FilterCompletion;

        var result = await TranslateAsync(Provider(fake));

        Assert.Equal(TranslationStatus.Failed, result.Status);
        Assert.Equal(5, result.Issues.Count);
        Assert.StartsWith("Failed: 5 of 5 paragraphs not translated (Chat:ContentFiltered", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_with_retry_after_is_waited_out_and_retried()
    {
        await using var fake = await FakeChatServer.StartAsync();
        var retryAfter = new Dictionary<string, string> { ["Retry-After"] = "1" };
        fake.Server.Script.Enqueue(new ScriptedResponse(429, FakeChatServer.ErrorBody("rate_limit_exceeded", "Rate limit reached.", "requests"), retryAfter));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await TranslateAsync(Provider(fake));

        Assert.Equal(TranslationStatus.Translated, result.Status);
        Assert.Equal(2, fake.Server.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {watch.Elapsed} for Retry-After: 1");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_cap_goes_back_to_the_orchestration()
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.Server.Script.Enqueue(new ScriptedResponse(429, FakeChatServer.ErrorBody("rate_limit_exceeded", "Rate limit reached.", "requests"), new Dictionary<string, string> { ["Retry-After"] = "3600" }));

        var error = await Assert.ThrowsAsync<ChatTranslationTransientException>(() => TranslateAsync(Provider(fake)));

        Assert.Equal("Chat:Throttled", error.ReasonCode);
        Assert.Single(fake.Server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_left_to_the_orchestration()
    {
        await using var fake = await FakeChatServer.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            fake.Server.Script.Enqueue(new ScriptedResponse(500, FakeChatServer.ErrorBody("server_error", "The server had an error.", "server_error")));
        }

        var error = await Assert.ThrowsAsync<ChatTranslationTransientException>(() => TranslateAsync(Provider(fake), ["وزارة الداخلية"]));

        Assert.Equal("Chat:ServerError", error.ReasonCode);
        Assert.Equal(3, fake.Server.Requests.Count);
        Assert.IsNotAssignableFrom<PermanentFailureException>(error);
    }

    [Fact]
    public async Task A_server_error_that_passes_is_invisible()
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.Server.Script.Enqueue(new ScriptedResponse(503, FakeChatServer.ErrorBody("server_error", "Overloaded.", "server_error")));

        var result = await TranslateAsync(Provider(fake), ["وزارة الداخلية"]);

        Assert.Equal(TranslationStatus.Translated, result.Status);
        Assert.Equal(2, fake.Server.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_key_is_permanent_and_neither_key_nor_text_reaches_the_logs()
    {
        await using var fake = await FakeChatServer.StartAsync();
        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        const string wrongKey = "sk-wrong-secret-key-123";

        var error = await Assert.ThrowsAsync<ChatTranslationRejectedException>(() => TranslateAsync(Provider(fake, key: wrongKey, logs: factory)));

        Assert.Equal("Chat:Unauthorized", error.ReasonCode);
        Assert.IsAssignableFrom<PermanentFailureException>(error);
        Assert.Single(fake.Server.Requests);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
        Assert.All(logs.Messages, m =>
        {
            Assert.DoesNotContain(wrongKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain("وزارة", m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_unknown_model_is_permanent()
    {
        await using var fake = await FakeChatServer.StartAsync();

        var error = await Assert.ThrowsAsync<ChatTranslationRejectedException>(() => TranslateAsync(Provider(fake, o => o.Model = "no-such-model")));

        Assert.Equal("Chat:ModelNotFound", error.ReasonCode);
    }

    [Fact]
    public async Task Large_releases_are_split_into_requests_that_run_in_parallel_within_the_cap()
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.Server.ResponseDelay = TimeSpan.FromMilliseconds(150);
        var paragraphs = Enumerable.Range(0, 24).Select(i => $"عقدت وزارة الداخلية اجتماعا رقم {i}").ToList();

        var result = await TranslateAsync(Provider(fake, o => { o.MaxParagraphsPerRequest = 3; o.MaxParallelRequests = 2; }), paragraphs);

        Assert.Equal(24, result.Paragraphs.Count(p => p.Length > 0));
        Assert.Equal(8, fake.Bodies.Count);
        Assert.InRange(fake.Server.MaxConcurrentRequests, 1, 2);
        Assert.Equal(24, result.Paragraphs.Distinct().Count());
    }

    [Theory]
    [InlineData(null, "gpt", "Translation:Chat:Endpoint")]
    [InlineData("http://127.0.0.1:11434/v1", null, "Translation:Chat:Model")]
    public void Registration_reports_missing_settings_at_start(string? endpoint, string? model, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Translation:Provider"] = "chat", ["Translation:Chat:Endpoint"] = endpoint, ["Translation:Chat:Model"] = model };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLogging().AddPressRoomPipeline(configuration));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_with_endpoint_and_model_resolves_the_chat_provider()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Translation:Provider"] = "chat", ["Translation:Chat:Endpoint"] = "http://127.0.0.1:11434/v1",
            ["Translation:Chat:Model"] = "llama3.1", ["Translation:Chat:Key"] = "local",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddPressRoomPipeline(configuration).BuildServiceProvider();

        Assert.Equal("chat", services.GetRequiredService<ITranslationProvider>().Name);
    }

    [Fact]
    public void Reported_names_fill_only_english_names_the_records_lack()
    {
        var romanized = new ExtractedEntity
        {
            Category = "Person", Text = "فلاديمير فورونكوف", Offset = 0, Length = 17, English = "Faladimir Voronkov", Key = "person:faladimir-voronkov",
            Attributes = new Dictionary<string, string> { ["romanized"] = "true" },
        };
        var known = new ExtractedEntity { Category = "Location", Text = "الدوحة", Offset = 20, Length = 6, English = "Doha", Key = "location:doha" };

        var filled = TranslatedNameFiller.Fill([romanized, known], [new("فلاديمير فورونكوف", "Vladimir Voronkov"), new("الدوحة", "Al Dawha")]);

        Assert.Equal(("Vladimir Voronkov", "person:vladimir-voronkov", "translation"), (filled[0].English, filled[0].Key, filled[0].Attributes![TranslatedNameFiller.SourceAttribute]));
        Assert.False(filled[0].Attributes!.ContainsKey("romanized"));
        Assert.Same(known, filled[1]);
    }

    sealed class ListLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
