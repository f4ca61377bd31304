using System.Diagnostics;
using Microsoft.DurableTask;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Tests.AzureAI;

/// <summary>Throttling, outages, timeouts and refusals, as the services answer them.</summary>
public sealed class RetryAndErrorTests
{
    static readonly TranslationRequest Release = new(["اجتماع في الدوحة", "عقدت وزارة الداخلية اجتماعا في الدوحة."], "ar", "en");
    static readonly EntityRequest ArabicText = new("عقدت وزارة الداخلية اجتماعا في الدوحة.", "ar");

    static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) => headers.ToDictionary(h => h.Name, h => h.Value);

    [Fact]
    public async Task Language_429_with_retry_after_is_waited_out_then_succeeds()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.Entities.Add(new FakeEntity("الدوحة", "Location", "City", ["Location", "GPE", "City"]));
        fake.Server.Script.Enqueue(new ScriptedResponse(429, FakeLanguage.ErrorBody("429", "Requests to the Analyze Text Operation have exceeded rate limit. Please retry after 1 second."), Headers(("Retry-After", "1"))));

        var result = await AzureAITestKit.Entities(fake).ExtractAsync(ArabicText, CancellationToken.None);

        var requests = fake.AnalyzeRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 must be honoured");
        Assert.Single(result.Entities);
    }

    [Fact]
    public async Task Translator_429_with_retry_after_ms_is_waited_out_then_succeeds()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        fake.Server.Script.Enqueue(new ScriptedResponse(429, FakeTranslator.ErrorBody(429001, "The server rejected the request because the client has exceeded request limits."), Headers(("retry-after-ms", "400"))));

        var result = await AzureAITestKit.Translation(fake).TranslateAsync(Release, CancellationToken.None);

        var requests = fake.TranslateRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(350));
        Assert.Equal(TranslationStatus.Translated, result.Status);
    }

    [Fact]
    public async Task Three_500s_then_success_is_retried_to_success()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        for (var i = 0; i < 3; i++)
        {
            fake.Server.Script.Enqueue(new ScriptedResponse(500, FakeTranslator.ErrorBody(500000, "An unexpected error occurred.")));
        }

        var result = await AzureAITestKit.Translation(fake, AzureAITestKit.FastOptions(maxRetries: 3)).TranslateAsync(Release, CancellationToken.None);

        Assert.Equal(4, fake.TranslateRequests.Count());
        Assert.Equal(TranslationStatus.Translated, result.Status);
    }

    [Fact]
    public async Task A_503_that_outlasts_the_retries_is_transient_with_the_service_code()
    {
        await using var fake = await FakeTranslator.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            fake.Server.Script.Enqueue(new ScriptedResponse(503, FakeTranslator.ErrorBody(503000, "The service is temporarily unavailable.")));
        }

        var error = await Assert.ThrowsAsync<AzureAITransientException>(() =>
            AzureAITestKit.Translation(fake, AzureAITestKit.FastOptions(maxRetries: 2)).TranslateAsync(Release, CancellationToken.None));

        Assert.Equal(3, fake.TranslateRequests.Count());
        Assert.Equal("Translator:503000", error.ReasonCode);
        Assert.Equal(503, error.Error!.Status);
        Assert.IsNotType<PermanentFailureException>(error, exactMatch: false);
    }

    [Fact]
    public async Task A_timeout_is_retried_then_reported_as_transient()
    {
        await using var fake = await FakeLanguage.StartAsync();
        // The fake records a request once it has read its body; a timeout of a few hundred milliseconds could fire
        // before that on a loaded machine (seen in CI), so the timeout is generous and the answers far later still.
        fake.Server.Script.Enqueue(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(20)));
        fake.Server.Script.Enqueue(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(20)));
        var options = AzureAITestKit.FastOptions(maxRetries: 1);
        options.NetworkTimeout = TimeSpan.FromSeconds(1.5);

        var error = await Assert.ThrowsAsync<AzureAITransientException>(() => AzureAITestKit.Entities(fake, options).ExtractAsync(ArabicText, CancellationToken.None));

        Assert.Equal("Language:Timeout", error.ReasonCode);
        Assert.Equal(2, fake.AnalyzeRequests.Count());
    }

    [Fact]
    public async Task Malformed_json_in_a_200_is_a_clear_transient_error_not_a_parser_crash()
    {
        await using var fake = await FakeTranslator.StartAsync();
        fake.Server.Script.Enqueue(new ScriptedResponse(200, "[{\"translations\": [{\"text\": \"Doha\", "));

        var error = await Assert.ThrowsAsync<AzureAITransientException>(() => AzureAITestKit.Translation(fake).TranslateAsync(Release, CancellationToken.None));

        Assert.Equal("Translator:MalformedResponse", error.ReasonCode);
        Assert.Single(fake.TranslateRequests);
    }

    [Fact]
    public async Task A_result_count_that_breaks_the_contract_is_malformed()
    {
        await using var fake = await FakeTranslator.StartAsync();
        fake.Server.Script.Enqueue(new ScriptedResponse(200, "[{\"translations\":[{\"text\":\"Doha\",\"to\":\"en\"}]}]"));

        var error = await Assert.ThrowsAsync<AzureAITransientException>(() => AzureAITestKit.Translation(fake).TranslateAsync(Release, CancellationToken.None));

        Assert.Equal("Translator:MalformedResponse", error.ReasonCode);
    }

    [Fact]
    public async Task Translator_401_is_permanent_with_its_numeric_code_and_not_retried()
    {
        await using var fake = await FakeTranslator.StartAsync();
        fake.ExpectedKey = "the-right-key";
        var connection = AzureAIConnection.WithKey(fake.Server.BaseAddress, "a-wrong-key");

        var error = await Assert.ThrowsAsync<AzureAIRequestRejectedException>(() =>
            AzureAITestKit.Translation(fake, connection: connection).TranslateAsync(Release, CancellationToken.None));

        Assert.Single(fake.TranslateRequests);
        Assert.Equal("Translator:401000", error.ReasonCode);
        Assert.Equal((401, "401000"), (error.Error.Status, error.Error.Code));
        Assert.Contains("credentials are missing or invalid", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Error.RequestId);
        Assert.IsAssignableFrom<PermanentFailureException>(error);
    }

    [Fact]
    public async Task Language_401_is_permanent_with_the_gateway_code()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.ExpectedKey = "the-right-key";
        var connection = AzureAIConnection.WithKey(fake.Server.BaseAddress, "a-wrong-key");

        var error = await Assert.ThrowsAsync<AzureAIRequestRejectedException>(() =>
            AzureAITestKit.Entities(fake, connection: connection).ExtractAsync(ArabicText, CancellationToken.None));

        Assert.Single(fake.AnalyzeRequests);
        Assert.Equal("Language:401", error.ReasonCode);
        Assert.Contains("Access denied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_400_reports_the_innermost_error_code()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.Server.Script.Enqueue(new ScriptedResponse(400, FakeLanguage.ErrorBody("InvalidRequest", "Invalid document in request.", "InvalidDocumentBatch", "Batch request contains too many records. Max 5 records are permitted.")));

        var error = await Assert.ThrowsAsync<AzureAIRequestRejectedException>(() => AzureAITestKit.Entities(fake).ExtractAsync(ArabicText, CancellationToken.None));

        Assert.Equal("Language:InvalidDocumentBatch", error.ReasonCode);
        Assert.Equal("InvalidRequest", error.Error.TopLevelCode);
        Assert.Single(fake.AnalyzeRequests);
    }

    [Fact]
    public async Task A_403_quota_answer_with_a_retry_after_of_days_fails_at_once()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.Server.Script.Enqueue(new ScriptedResponse(
            403,
            FakeLanguage.ErrorBody("403", "Out of call volume quota for TextAnalytics F0 pricing tier. Please retry after 15 days."),
            Headers(("Retry-After", "1296000"))));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AzureAIRequestRejectedException>(() =>
            AzureAITestKit.Entities(fake).ExtractAsync(ArabicText, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "a quota answer must not be waited out");
        Assert.Equal("Language:403", error.ReasonCode);
        Assert.Contains("15 days", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.AnalyzeRequests);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_cap_is_handed_back_to_the_orchestration_with_the_hint()
    {
        await using var fake = await FakeTranslator.StartAsync();
        fake.Server.Script.Enqueue(new ScriptedResponse(429, FakeTranslator.ErrorBody(429000, "The server rejected the request because the client has exceeded request limits."), Headers(("Retry-After", "3600"))));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AzureAITransientException>(() =>
            AzureAITestKit.Translation(fake).TranslateAsync(Release, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Single(fake.TranslateRequests);
        Assert.Equal("Translator:429000", error.ReasonCode);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
    }

    [Fact]
    public async Task An_unreachable_service_is_transient()
    {
        var fake = await FakeTranslator.StartAsync();
        var endpoint = fake.Server.BaseAddress;
        await fake.DisposeAsync();
        var options = AzureAITestKit.FastOptions(maxRetries: 1);
        var provider = new AzureTranslationProvider(
            new TranslatorClient(new AzureAIServiceClient("Translator", AzureAIConnection.WithKey(endpoint, "k"), options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)),
            new TranslationPlanner(new TextChunker()),
            TranslatorGlossary.Empty,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AzureTranslationProvider>.Instance);

        var error = await Assert.ThrowsAsync<AzureAITransientException>(() => provider.TranslateAsync(Release, CancellationToken.None));

        Assert.Equal("Translator:Unreachable", error.ReasonCode);
    }

    [Fact]
    public void The_orchestration_sees_rejections_as_permanent_and_transient_failures_as_retryable()
    {
        // The orchestrator's retry policy declines failures that IsCausedBy<PermanentFailureException>().
        Assert.True(Failure(typeof(AzureAIRequestRejectedException)).IsCausedBy<PermanentFailureException>());
        Assert.True(Failure(typeof(EntitiesUnavailableException)).IsCausedBy<PermanentFailureException>());
        Assert.False(Failure(typeof(AzureAITransientException)).IsCausedBy<PermanentFailureException>());
    }

    static TaskFailureDetails Failure(Type type) =>
        new(type.FullName!, "failed", null, null, null);

    [Theory]
    [InlineData("{\"error\":{\"code\":403001,\"message\":\"Free quota exceeded.\"}}", "403001", "Free quota exceeded.")]
    [InlineData("{\"error\":{\"code\":\"InvalidArgument\",\"message\":\"Invalid Language Code.\",\"innererror\":{\"code\":\"UnsupportedLanguageCode\",\"message\":\"Invalid language code 'xx'.\"}}}", "UnsupportedLanguageCode", "Invalid language code 'xx'.")]
    [InlineData("<html>Bad gateway</html>", null, "<html>Bad gateway</html>")]
    [InlineData("", null, "(empty body)")]
    public void Error_bodies_of_both_services_are_parsed(string body, string? code, string message)
    {
        var error = AzureServiceError.Parse("Test", 400, body, "req-1");

        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal("req-1", error.RequestId);
    }
}
