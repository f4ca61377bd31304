using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Language;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>
/// Translation provider <c>chat</c>: a chat model behind <see cref="IChatClient"/> (Azure OpenAI or any
/// OpenAI-compatible server). Paragraphs go in numbered chunks and come back as JSON with the same ids, so the
/// result is paragraph-aligned like the Azure provider's. A chunk whose reply is refused, cut off, malformed or
/// misaligned is asked again in halves, down to single paragraphs; a paragraph that still fails stays empty with its
/// reason in <see cref="TranslationResult.Issues"/>. Names the records know and the house glossary go into the
/// instructions; names the model reports come back in <see cref="TranslationResult.Names"/>.
/// </summary>
public sealed class ChatTranslationProvider(
    IChatClient chat,
    ChatNameHints hints,
    IOptions<ChatTranslationOptions> options,
    ILogger<ChatTranslationProvider> logger) : ITranslationProvider
{
    public const string ProviderName = "chat";

    readonly ChatTranslationOptions settings = options.Value;

    public string Name => ProviderName;

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.SourceLanguage) || request.SourceLanguage is "und" or "unknown")
        {
            return TranslationResult.Skipped(ProviderName, request.TargetLanguage, "Skipped: source language unknown");
        }

        if (LanguageTags.SameLanguage(request.SourceLanguage, request.TargetLanguage))
        {
            return TranslationResult.Skipped(ProviderName, request.TargetLanguage, $"Skipped: the text is already in {request.TargetLanguage}");
        }

        var names = await hints.ForAsync(request.Paragraphs, request.SourceLanguage, cancellationToken);
        var run = new ChatTranslationRun(request, names);
        var chunks = Chunk(request.Paragraphs);
        logger.LogInformation(
            "Chat translation of {Paragraphs} paragraphs from {Source} to {Target}: {Chunks} requests, {Names} fixed names",
            request.Paragraphs.Count, request.SourceLanguage, request.TargetLanguage, chunks.Count, names.Count);

        using var gate = new SemaphoreSlim(Math.Max(1, settings.MaxParallelRequests));
        await Task.WhenAll(chunks.Select(async chunk =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await TranslateChunkAsync(run, chunk, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));

        var result = run.Result(ProviderName);
        logger.LogInformation(
            "Chat translation to {Target}: {Status}, {Failed} paragraphs untranslated, {PromptTokens} prompt + {CompletionTokens} completion tokens, {Requests} requests",
            request.TargetLanguage, result.Status, result.Issues.Count, result.PromptTokens, result.CompletionTokens, run.Requests);
        return result;
    }

    /// <summary>Non-blank paragraphs packed in order by size and count; a paragraph over the size goes alone.</summary>
    List<List<int>> Chunk(IReadOnlyList<string> paragraphs)
    {
        var chunks = new List<List<int>>();
        var current = new List<int>();
        var size = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (string.IsNullOrWhiteSpace(paragraphs[p]))
            {
                continue;
            }

            var length = paragraphs[p].Length;
            if (current.Count > 0 && (size + length > settings.MaxRequestCharacters || current.Count >= settings.MaxParagraphsPerRequest))
            {
                chunks.Add(current);
                current = [];
                size = 0;
            }

            current.Add(p);
            size += length;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    async Task TranslateChunkAsync(ChatTranslationRun run, IReadOnlyList<int> chunk, CancellationToken cancellationToken)
    {
        var (reply, fault) = await AskAsync(run, chunk, cancellationToken);
        if (reply is not null)
        {
            run.Accept(reply);
            if (reply.Missing.Count == 0)
            {
                return;
            }

            fault = "Chat:ParagraphMissing";
            chunk = reply.Missing;
            if (reply.Translated.Count > 0)
            {
                // Partial answer: ask again for what is missing, as a chunk of its own.
                await TranslateChunkAsync(run, chunk, cancellationToken);
                return;
            }
        }

        if (chunk.Count == 1)
        {
            logger.LogWarning("Chat translation left paragraph {Paragraph} untranslated: {Reason}", chunk[0], fault);
            run.Fail(chunk[0], fault!, Describe(fault!));
            return;
        }

        logger.LogInformation("Chat translation chunk of {Count} paragraphs failed ({Reason}); asking again in halves", chunk.Count, fault);
        var half = chunk.Count / 2;
        await TranslateChunkAsync(run, [.. chunk.Take(half)], cancellationToken);
        await TranslateChunkAsync(run, [.. chunk.Skip(half)], cancellationToken);
    }

    /// <summary>One request: the reply read and validated, or the per-chunk fault code. Service-level faults throw.</summary>
    async Task<(ChatReply? Reply, string? Fault)> AskAsync(ChatTranslationRun run, IReadOnlyList<int> chunk, CancellationToken cancellationToken)
    {
        var texts = chunk.Select(p => (p, run.Request.Paragraphs[p])).ToList();
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, ChatTranslationPrompt.Instructions(run.Request.SourceLanguage, run.Request.TargetLanguage, run.NamesIn(texts.Select(t => t.Item2)))),
            new(ChatRole.User, ChatTranslationPrompt.Paragraphs(texts)),
        };
        var chatOptions = new ChatOptions
        {
            Temperature = settings.Temperature,
            MaxOutputTokens = settings.MaxOutputTokens,
            ResponseFormat = settings.StructuredOutput
                ? ChatResponseFormat.ForJsonSchema(ChatTranslationPrompt.Schema, ChatTranslationPrompt.SchemaName, "Paragraph-aligned translation")
                : ChatResponseFormat.Json,
        };
        run.Sent(texts.Sum(t => (long)t.Item2.EnumerateRunes().Count()));

        ChatResponse response;
        try
        {
            response = await chat.GetResponseAsync(messages, chatOptions, cancellationToken);
        }
        catch (ClientResultException ex) when (ex.Status == 400 && IsContentFilter(ex))
        {
            // Azure OpenAI refuses a prompt its filter flags with 400 code content_filter: a property of this text, not of the service.
            return (null, "Chat:ContentFiltered");
        }
        catch (ClientResultException ex)
        {
            throw Classify(ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChatTranslationTransientException("Chat:Timeout", $"The chat model did not answer within {settings.Timeout} ({settings.MaxRetries} retries).", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ChatTranslationTransientException("Chat:Unreachable", $"The chat server could not be reached after {settings.MaxRetries} retries: {ex.Message}", ex);
        }

        run.Used(response.Usage);
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return (null, "Chat:ContentFiltered");
        }

        if (response.FinishReason == ChatFinishReason.Length)
        {
            return (null, "Chat:Truncated");
        }

        var reply = ChatReplyReader.Read(response.Text, chunk, out var reason);
        return (reply, reason);
    }

    static bool IsContentFilter(ClientResultException ex)
    {
        var body = ex.GetRawResponse()?.Content?.ToString() ?? string.Empty;
        return body.Contains("content_filter", StringComparison.OrdinalIgnoreCase) || body.Contains("ResponsibleAIPolicyViolation", StringComparison.Ordinal);
    }

    /// <summary>Status codes to exceptions: retried ones (after the in-process retries) are transient, refusals permanent. No body text is kept.</summary>
    Exception Classify(ClientResultException ex)
    {
        var status = ex.Status;
        return status switch
        {
            401 => new ChatTranslationRejectedException("Chat:Unauthorized", "The chat server rejected the credentials (401): check Translation:Chat:Key or the identity's role.", ex),
            403 => new ChatTranslationRejectedException("Chat:Forbidden", "The chat server denied access (403): the identity needs the Cognitive Services OpenAI User role.", ex),
            404 => new ChatTranslationRejectedException("Chat:ModelNotFound", $"The chat server has no model or deployment '{settings.Model}' at the endpoint (404).", ex),
            408 or 429 => new ChatTranslationTransientException("Chat:Throttled", $"The chat server is throttling (HTTP {status}) after {settings.MaxRetries} retries.", ex),
            >= 500 => new ChatTranslationTransientException("Chat:ServerError", $"The chat server failed (HTTP {status}) after {settings.MaxRetries} retries.", ex),
            0 => new ChatTranslationTransientException("Chat:Unreachable", "The chat server could not be reached.", ex),
            _ => new ChatTranslationRejectedException("Chat:BadRequest", $"The chat server refused the request (HTTP {status}).", ex),
        };
    }

    static string Describe(string reasonCode) => reasonCode switch
    {
        "Chat:ContentFiltered" => "The model's content filter refused this paragraph.",
        "Chat:Truncated" => "The model's answer was cut off (finish_reason length) even for this paragraph alone.",
        "Chat:MalformedResponse" or "Chat:EmptyResponse" => "The model did not answer with the agreed JSON for this paragraph.",
        _ => "The model did not return this paragraph's translation.",
    };
}
