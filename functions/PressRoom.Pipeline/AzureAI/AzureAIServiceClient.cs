using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>Azure.Core client options for the hand-written Azure AI clients (the SDK packages are not available here).</summary>
public sealed class AzureAIClientOptions : ClientOptions
{
    /// <summary>Response headers safe to log: request ids for support, throttling hints, metered usage.</summary>
    internal static readonly string[] SafeHeaders =
        ["X-RequestId", "apim-request-id", "X-metered-usage", "X-mt-system", "retry-after-ms", "x-ms-retry-after-ms", "x-ms-error-code", "x-envoy-upstream-service-time"];

    public AzureAIClientOptions(AzureAIOptions options, HttpPipelineTransport? transport = null)
    {
        Retry.MaxRetries = options.MaxRetries;
        Retry.Delay = options.RetryDelay;
        Retry.MaxDelay = options.MaxRetryDelay;
        Retry.NetworkTimeout = options.NetworkTimeout;
        RetryPolicy = new CappedRetryPolicy(
            options.MaxRetries,
            DelayStrategy.CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay),
            options.MaxServerRetryDelay);
        Diagnostics.ApplicationId = "PressRoom";

        // Bodies hold release text; Azure.Core does not log content unless asked, and we never ask.
        Diagnostics.IsLoggingContentEnabled = false;
        foreach (var header in SafeHeaders)
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }

        if (transport is not null)
        {
            Transport = transport;
        }
    }
}

/// <summary>
/// One Azure AI service reached through an Azure.Core <see cref="HttpPipeline"/>: authentication, retries, logging,
/// a cap on requests in flight, and the mapping of answers to results or typed exceptions.
/// </summary>
public sealed class AzureAIServiceClient : IDisposable
{
    static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    readonly HttpPipeline pipeline;
    readonly SemaphoreSlim gate;
    readonly AzureAIOptions options;
    readonly ILogger logger;

    public AzureAIServiceClient(string service, AzureAIConnection connection, AzureAIOptions options, ILogger logger, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        Service = service;
        Connection = connection;
        this.options = options;
        this.logger = logger;
        gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelRequests));

        var perRetry = new List<HttpPipelinePolicy>();
        if (connection.Key is not null)
        {
            perRetry.Add(new ApiKeyPolicy(connection.Key, connection.Region));
        }
        else
        {
            perRetry.Add(new BearerTokenAuthenticationPolicy(connection.Token!, AzureAIConnection.Scope));
            if (connection.Region is not null)
            {
                perRetry.Add(new RegionHeaderPolicy(connection.Region));
            }
        }

        pipeline = HttpPipelineBuilder.Build(new AzureAIClientOptions(options, transport), [], [.. perRetry], new ResponseClassifier());
    }

    /// <summary>Translator or Language: used in reason codes and messages.</summary>
    public string Service { get; }

    public AzureAIConnection Connection { get; }

    /// <summary>Builds <c>{endpoint}{path}?{query}</c>, keeping any path the configured endpoint already has.</summary>
    public Uri BuildUri(string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var builder = new StringBuilder(Connection.Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        builder.Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(builder.ToString());
    }

    /// <summary>POSTs a JSON body and reads the JSON answer as <typeparamref name="T"/>.</summary>
    /// <exception cref="AzureAIRequestRejectedException">400/401/403/404/…: not worth retrying.</exception>
    /// <exception cref="AzureAITransientException">Throttling, server errors, timeouts or an unreadable answer after the retries.</exception>
    public async Task<T> PostAsync<T>(Uri uri, byte[] body, string operation, CancellationToken cancellationToken)
        where T : class
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("Content-Type", "application/json; charset=UTF-8");
        message.Request.Headers.SetValue("Accept", "application/json");
        message.Request.Content = RequestContent.Create(body);

        var watch = Stopwatch.StartNew();
        await gate.WaitAsync(cancellationToken);
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && NetworkFailure(ex) is { } reason)
        {
            // Azure.Core retried these already; after the last try it throws the failure (an AggregateException of all tries).
            var what = reason == "Timeout"
                ? $"timed out (per-try timeout {options.NetworkTimeout}, {options.MaxRetries} retries)"
                : $"could not be reached after {options.MaxRetries} retries: {ex.GetBaseException().Message}";
            throw new AzureAITransientException($"{Service}:{reason}", $"Azure AI {Service} {operation} {what}", ex);
        }
        finally
        {
            gate.Release();
        }

        var response = message.Response;
        logger.LogDebug(
            "Azure AI {Service} {Operation}: HTTP {Status} in {ElapsedMs} ms, {Bytes} bytes sent, request {RequestId}",
            Service, operation, response.Status, watch.ElapsedMilliseconds, body.Length, RequestId(response));

        if (response.Status is >= 200 and < 300)
        {
            return Deserialize<T>(response, operation);
        }

        var error = AzureServiceError.FromResponse(Service, response);
        if (response.Status is 408 or 429 or >= 500)
        {
            var hint = RetryAfterHint.From(response, DateTimeOffset.UtcNow);
            var wait = hint is { } h && h > options.MaxServerRetryDelay
                ? $" The service asked to wait {h}, longer than the {options.MaxServerRetryDelay} honoured in process."
                : string.Empty;
            logger.LogWarning("Azure AI {Service} {Operation} still failing after retries: {Reason} (retry after {RetryAfter})", Service, operation, error.ReasonCode, hint);
            throw new AzureAITransientException(error.ReasonCode, error.Describe() + wait, error: error, retryAfter: hint);
        }

        logger.LogError("Azure AI {Service} {Operation} refused: {Reason}", Service, operation, error.ReasonCode);
        throw new AzureAIRequestRejectedException(error);
    }

    T Deserialize<T>(Response response, string operation)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(response.Content.ToMemory().Span, Json)
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new AzureAITransientException(
                $"{Service}:MalformedResponse",
                $"Azure AI {Service} {operation} answered HTTP {response.Status} with a body that is not the documented JSON: {ex.Message} [request {RequestId(response)}]",
                ex);
        }
    }

    /// <summary>Timeout or Unreachable when every failure in <paramref name="exception"/> is a network one; otherwise null.</summary>
    static string? NetworkFailure(Exception exception)
    {
        var failures = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        if (failures.Count == 0)
        {
            return null;
        }

        if (failures.All(f => f is OperationCanceledException))
        {
            return "Timeout";
        }

        return failures.All(f => f is OperationCanceledException or IOException or HttpRequestException || f is RequestFailedException { Status: 0 })
            ? "Unreachable"
            : null;
    }

    static string? RequestId(Response response) =>
        response.Headers.TryGetValue("X-RequestId", out var id) || response.Headers.TryGetValue("apim-request-id", out id) ? id : response.ClientRequestId;

    public void Dispose() => gate.Dispose();
}
