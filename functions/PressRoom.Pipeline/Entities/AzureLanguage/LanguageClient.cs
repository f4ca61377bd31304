using System.Text.Json;
using PressRoom.Pipeline.AzureAI;

namespace PressRoom.Pipeline.Entities.AzureLanguage;

/// <summary>One document of a Language batch: id unique within the request, the text, its ISO 639-1 language.</summary>
public sealed record LanguageInput(string Id, string Text, string Language);

/// <summary>Per document of a batch: either its result or its error (a document is in exactly one list).</summary>
public sealed record LanguageDocumentOutcome<TDocument>(string Id, TDocument? Document, AzureServiceError? Error)
    where TDocument : class;

/// <summary>
/// Typed client for Azure AI Language <c>POST /language/:analyze-text?api-version=2024-11-01</c> (synchronous),
/// kinds <c>EntityRecognition</c> and <c>EntityLinking</c>, offsets in UTF-16 code units so they index .NET strings.
/// </summary>
public sealed class LanguageClient(AzureAIServiceClient service)
{
    public const string ServiceName = "Language";
    public const string ApiVersion = "2024-11-01";
    public const string Path = "/language/:analyze-text";

    /// <summary>Documents per synchronous request for NER and Entity Linking; more is an HTTP 400 InvalidDocumentBatch.</summary>
    public const int MaxDocumentsPerRequest = 5;

    public AzureAIServiceClient Service => service;

    public Task<IReadOnlyList<LanguageDocumentOutcome<NerDocument>>> RecognizeEntitiesAsync(IReadOnlyList<LanguageInput> documents, CancellationToken cancellationToken) =>
        AnalyzeAsync<NerDocument>("EntityRecognition", documents, cancellationToken);

    public Task<IReadOnlyList<LanguageDocumentOutcome<LinkingDocument>>> RecognizeLinkedEntitiesAsync(IReadOnlyList<LanguageInput> documents, CancellationToken cancellationToken) =>
        AnalyzeAsync<LinkingDocument>("EntityLinking", documents, cancellationToken);

    async Task<IReadOnlyList<LanguageDocumentOutcome<TDocument>>> AnalyzeAsync<TDocument>(string kind, IReadOnlyList<LanguageInput> documents, CancellationToken cancellationToken)
        where TDocument : LanguageDocument
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(documents.Count, MaxDocumentsPerRequest);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            kind,
            parameters = new { modelVersion = "latest", stringIndexType = "Utf16CodeUnit" },
            analysisInput = new { documents = documents.Select(d => new { id = d.Id, text = d.Text, language = d.Language }) },
        });
        var uri = service.BuildUri(Path, [new("api-version", ApiVersion)]);
        var response = await service.PostAsync<AnalyzeResponse<TDocument>>(uri, body, kind, cancellationToken);
        var results = response.Results
            ?? throw new AzureAITransientException($"{ServiceName}:MalformedResponse", $"Azure AI {ServiceName} {kind} answered without 'results'.");

        // The service does not promise input order: match by id.
        var byId = new Dictionary<string, LanguageDocumentOutcome<TDocument>>(StringComparer.Ordinal);
        foreach (var document in results.Documents ?? [])
        {
            if (document.Id is not null)
            {
                byId[document.Id] = new(document.Id, document, null);
            }
        }

        foreach (var error in results.Errors ?? [])
        {
            if (error.Id is not null)
            {
                byId[error.Id] = new(error.Id, null, AzureServiceError.FromErrorObject(ServiceName, 200, error.Error, null));
            }
        }

        return [.. documents.Select(d => byId.TryGetValue(d.Id, out var outcome)
            ? outcome
            : new LanguageDocumentOutcome<TDocument>(d.Id, null, new AzureServiceError(ServiceName, 200, "MissingResult", null, "The answer had neither a result nor an error for this document.", null)))];
    }

    sealed class AnalyzeResponse<TDocument>
    {
        public string? Kind { get; set; }
        public AnalyzeResults<TDocument>? Results { get; set; }
    }

    sealed class AnalyzeResults<TDocument>
    {
        public TDocument[]? Documents { get; set; }
        public DocumentError[]? Errors { get; set; }
        public string? ModelVersion { get; set; }
    }

    sealed class DocumentError
    {
        public string? Id { get; set; }
        public JsonElement Error { get; set; }
    }
}

public abstract class LanguageDocument
{
    public string? Id { get; set; }
    public DocumentWarning[]? Warnings { get; set; }
}

public sealed class DocumentWarning
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}

/// <summary>An <c>EntityRecognition</c> document result (2024-11-01 <c>EntityWithMetadata</c>).</summary>
public sealed class NerDocument : LanguageDocument
{
    public NerEntity[]? Entities { get; set; }
}

public sealed class NerEntity
{
    public string? Text { get; set; }
    public string? Category { get; set; }
    public string? Subcategory { get; set; }
    public string? Type { get; set; }
    public int Offset { get; set; }
    public int Length { get; set; }
    public double ConfidenceScore { get; set; }
    public NerTag[]? Tags { get; set; }

    /// <summary>Polymorphic on <c>metadataKind</c>; read by <see cref="EntityMetadata"/>.</summary>
    public JsonElement? Metadata { get; set; }
}

public sealed class NerTag
{
    public string? Name { get; set; }
    public double? ConfidenceScore { get; set; }
}

/// <summary>An <c>EntityLinking</c> document result.</summary>
public sealed class LinkingDocument : LanguageDocument
{
    public LinkedEntity[]? Entities { get; set; }
}

public sealed class LinkedEntity
{
    public string? Name { get; set; }
    public LinkedMatch[]? Matches { get; set; }
    public string? Language { get; set; }
    public string? Id { get; set; }
    public string? Url { get; set; }
    public string? DataSource { get; set; }
    public string? BingId { get; set; }
}

public sealed class LinkedMatch
{
    public string? Text { get; set; }
    public int Offset { get; set; }
    public int Length { get; set; }
    public double ConfidenceScore { get; set; }
}
