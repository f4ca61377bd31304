using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Web;

/// <summary>
/// The release endpoints, shared by both hosts: upload, list, detail, text and status. Each method returns an
/// <see cref="IResult"/>; the local host maps them directly, the Functions app wraps them in HTTP triggers.
/// </summary>
public sealed partial class ReleasesApi(
    ReleaseUploader uploader,
    ReleaseQueries queries,
    ReleaseListing listing,
    ReleaseViewBuilder views,
    ReleaseArtifacts artifacts,
    IOptions<DocumentLimits> limits,
    UploadGate gate,
    ILogger<ReleasesApi> logger)
{
    public const string FileNameHeader = "X-File-Name";
    const int MaxFileNameLength = 200;

    /// <summary>Room for multipart boundaries, part headers and a fileName field around a file at the limit.</summary>
    const long MultipartAllowance = 64 * 1024;

    static readonly string[] KnownStatuses =
    [
        ReleaseStatus.Received, ReleaseStatus.Processing, ReleaseStatus.Completed, ReleaseStatus.Rejected,
        ReleaseStatus.Failed, ReleaseStatus.Superseded, ReleaseStatus.Withdrawn,
    ];

    /// <summary><c>POST /api/releases</c>: raw body with <c>X-File-Name</c>, or multipart with a file (and an optional <c>fileName</c> field).</summary>
    public Task<IResult> UploadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApiErrors.GuardAsync(logger, nameof(UploadAsync), async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var limit = limits.Value.MaxOriginalBytes;
            if (request.HasFormContentType && !IsMultipart(request))
            {
                return ApiErrors.Error(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType, "Send the file as the raw body (with X-File-Name) or as multipart/form-data, not as a URL-encoded form.");
            }

            if (request.ContentLength > limit + MultipartAllowance)
            {
                return TooLarge(limit);
            }

            AllowBodyOf(request, limit + MultipartAllowance);
            using var slot = await gate.EnterAsync(cancellationToken);
            return IsMultipart(request)
                ? await UploadMultipartAsync(request, limit, cancellationToken)
                : await UploadRawAsync(request, limit, cancellationToken);
        });

    async Task<IResult> UploadRawAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        var fileName = request.Headers[FileNameHeader].ToString() is { Length: > 0 } header ? Uri.UnescapeDataString(header) : null;
        if (NameProblem(fileName, out var blobName) is { } problem)
        {
            return problem;
        }

        using var body = new UploadStream(request.Body, limit);
        return await StoreAsync(blobName!, body, limit, cancellationToken);
    }

    /// <summary>
    /// Reads the multipart body section by section. The file part goes to a temporary file (never memory) because a
    /// <c>fileName</c> field may follow it and name the blob; then the file is streamed to storage.
    /// </summary>
    async Task<IResult> UploadMultipartAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return ApiErrors.BadRequest(ApiErrorCodes.MalformedBody, "The multipart body has no boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), "pressroom-upload-" + Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        string? partName = null, fieldName = null;
        var hasFile = false;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                }
                else if (disposition.IsFileDisposition() && !hasFile)
                {
                    hasFile = true;
                    partName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    using var part = new UploadStream(section.Body, limit);
                    try
                    {
                        await part.CopyToAsync(spool, cancellationToken);
                    }
                    catch (UploadTooLargeException)
                    {
                        return TooLarge(limit);
                    }
                }
                else if (disposition.IsFormDisposition() && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("fileName", StringComparison.Ordinal))
                {
                    fieldName = await ReadFieldAsync(section.Body, cancellationToken);
                    if (fieldName is null)
                    {
                        return ApiErrors.BadRequest(ApiErrorCodes.InvalidFileName, $"The fileName field is longer than {MaxFileNameLength} characters.");
                    }
                }
                else
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                }
            }
        }
        catch (IOException ex) when (ex is not UploadTooLargeException && RequestBodyErrors.BodyError(ex) is null)
        {
            // MultipartReader's word for a body that ends before its closing boundary.
            return ApiErrors.BadRequest(ApiErrorCodes.MalformedBody, "The multipart body is malformed: it ended before its closing boundary.");
        }

        if (!hasFile)
        {
            return ApiErrors.BadRequest(ApiErrorCodes.MissingFile, "The multipart body has no file part.");
        }

        if (NameProblem(string.IsNullOrWhiteSpace(fieldName) ? partName : fieldName, out var blobName) is { } problem)
        {
            return problem;
        }

        spool.Position = 0;
        using var body = new UploadStream(spool, limit);
        return await StoreAsync(blobName!, body, limit, cancellationToken);
    }

    async Task<IResult> StoreAsync(string blobName, UploadStream body, long limit, CancellationToken cancellationToken)
    {
        if (!await body.HasContentAsync(cancellationToken))
        {
            return ApiErrors.BadRequest(ApiErrorCodes.Empty, "The file is empty.");
        }

        string releaseId;
        try
        {
            releaseId = await uploader.UploadAsync(blobName, body, cancellationToken);
        }
        catch (Exception) when (body.BytesRead > limit)
        {
            // The storage SDK may wrap the stream's own exception; the count says what happened. Nothing was committed.
            return TooLarge(limit);
        }

        var existing = await queries.GetAsync(releaseId, cancellationToken);
        var url = ApiRoutes.ReleaseUrl(releaseId);
        logger.LogInformation("Release uploaded over HTTP as blob {BlobName}: release {ReleaseId}", blobName, releaseId);
        return Results.Json(
            new UploadAccepted(releaseId, ReleaseIdentity.DocumentId(blobName), $"{StorageNames.ReleasesContainer}/{blobName}", existing?.Status ?? "Uploaded", existing is not null, url, url + "/status"),
            PressRoomJson.Options,
            statusCode: StatusCodes.Status202Accepted);
    }

    IResult? NameProblem(string? fileName, out string? blobName)
    {
        blobName = null;
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return ApiErrors.BadRequest(ApiErrorCodes.MissingFileName, $"Name the file: send the {FileNameHeader} header (percent-encoded UTF-8) or a multipart file name.");
        }

        blobName = BlobNameFor(fileName);
        return blobName is null
            ? ApiErrors.BadRequest(ApiErrorCodes.InvalidFileName, $"The file name must be 1–{MaxFileNameLength} characters, without control, bidirectional, zero-width or noncharacter code points, not end with a dot, and not be '.' or '..'.")
            : null;
    }

    static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The server's own body limit follows the upload limit (plus the multipart envelope), where the host lets us set it.</summary>
    static void AllowBodyOf(HttpRequest request, long bytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = bytes;
        }
    }

    static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
        var buffer = new char[MaxFileNameLength * 4 + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read == buffer.Length)
        {
            return null;
        }

        return new string(buffer, 0, read);
    }

    /// <summary><c>GET /api/releases?since=&amp;until=&amp;language=&amp;status=&amp;entity=&amp;top=&amp;continuation=</c>, newest first.</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApiErrors.GuardAsync(logger, nameof(ListAsync), async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            if (ParseQuery(request, request.Query["entity"].ToString() is { Length: > 0 } e ? e : null, out var query) is { } invalid)
            {
                return invalid;
            }

            return await PageAsync(query, cancellationToken);
        });

    /// <summary>Shared by <c>/api/releases</c> and <c>/api/entities/{key}/releases</c>.</summary>
    internal async Task<IResult> PageAsync(ReleaseListQuery query, CancellationToken cancellationToken)
    {
        try
        {
            var page = await listing.ListAsync(query, cancellationToken);
            return Results.Json(new ReleaseListResponse(page.Items, page.Continuation), PressRoomJson.Options);
        }
        catch (InvalidContinuationException ex)
        {
            return ApiErrors.BadRequest(ApiErrorCodes.InvalidParameter, ex.Message);
        }
    }

    /// <summary><c>GET /api/releases/{id}</c>.</summary>
    public Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        ApiErrors.GuardAsync(logger, nameof(GetAsync), async () =>
        {
            if (await RowAsync(id, cancellationToken) is not { } row)
            {
                return UnknownRelease(id);
            }

            return Results.Json(await views.BuildAsync(row, cancellationToken), PressRoomJson.Options);
        });

    /// <summary><c>GET /api/releases/{id}/status</c>: the row's status and reason, for polling after an upload.</summary>
    public Task<IResult> GetStatusAsync(string id, CancellationToken cancellationToken) =>
        ApiErrors.GuardAsync(logger, nameof(GetStatusAsync), async () =>
        {
            if (await RowAsync(id, cancellationToken) is not { } row)
            {
                return UnknownRelease(id);
            }

            return Results.Json(
                new ReleaseStatusView(id, row.Status ?? string.Empty, row.ReasonCode, row.Reason, row.Language, row.SupersededBy, row.Stage),
                PressRoomJson.Options);
        });

    /// <summary><c>GET /api/releases/{id}/text?lang=</c>: plain text of the source (<c>lang</c> = source language or <c>source</c>) or a translation.</summary>
    public Task<IResult> GetTextAsync(string id, string? lang, CancellationToken cancellationToken) =>
        ApiErrors.GuardAsync(logger, nameof(GetTextAsync), async () =>
        {
            if (await RowAsync(id, cancellationToken) is null)
            {
                return UnknownRelease(id);
            }

            var record = await artifacts.TryReadJsonAsync<ReleaseRecord>(id, ReleaseArtifacts.ReleaseFile, cancellationToken);
            if (record is null)
            {
                return ApiErrors.Error(StatusCodes.Status404NotFound, ApiErrorCodes.TextNotAvailable, $"Release {id} has not been processed yet; its text is not available.");
            }

            var language = string.IsNullOrWhiteSpace(lang) ? "source" : lang.Trim().ToLowerInvariant();
            string? text;
            if (language == "source" || language == record.Language)
            {
                text = await artifacts.TryReadTextAsync(id, ReleaseArtifacts.TextFile("source"), cancellationToken);
            }
            else if (record.Translations.FirstOrDefault(t => t.TargetLanguage == language) is { } translation)
            {
                if (translation.Status != nameof(TranslationStatus.Translated))
                {
                    return ApiErrors.Error(StatusCodes.Status404NotFound, ApiErrorCodes.TextNotAvailable, $"No {language} text: {translation.Reason ?? translation.Status}.");
                }

                text = await artifacts.TryReadTextAsync(id, ReleaseArtifacts.TextFile(language), cancellationToken);
            }
            else
            {
                return ApiErrors.Error(StatusCodes.Status404NotFound, ApiErrorCodes.TextNotAvailable, $"Release {id} has no {language} text.");
            }

            return text is null
                ? ApiErrors.Error(StatusCodes.Status404NotFound, ApiErrorCodes.TextNotAvailable, $"Release {id} has no {language} text ({record.Status}).")
                : Results.Text(text, "text/plain; charset=utf-8");
        });

    /// <summary>Parses the listing parameters shared with the entity listing; returns an error result when one is invalid.</summary>
    internal static IResult? ParseQuery(HttpRequest request, string? entityKey, out ReleaseListQuery query)
    {
        query = new ReleaseListQuery();
        var q = request.Query;
        DateTimeOffset? since = null, until = null;
        if (q["since"].ToString() is { Length: > 0 } s)
        {
            if (!TryParseTime(s, out var value))
            {
                return Invalid("since", "an ISO 8601 date or date-time");
            }

            since = value;
        }

        if (q["until"].ToString() is { Length: > 0 } u)
        {
            if (!TryParseTime(u, out var value))
            {
                return Invalid("until", "an ISO 8601 date or date-time");
            }

            until = value;
        }

        var statuses = new List<string>();
        foreach (var status in q["status"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var known = KnownStatuses.FirstOrDefault(k => string.Equals(k, status, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return Invalid("status", $"one or more of {string.Join(", ", KnownStatuses)}");
            }

            statuses.Add(known);
        }

        string? language = null;
        if (q["language"].ToString() is { Length: > 0 } l)
        {
            if (!LanguageCode().IsMatch(l))
            {
                return Invalid("language", "a language code such as ar or en");
            }

            language = l.ToLowerInvariant();
        }

        var top = ReleaseListQuery.DefaultTop;
        if (q["top"].ToString() is { Length: > 0 } t && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > ReleaseListQuery.MaxTop))
        {
            return Invalid("top", $"a number from 1 to {ReleaseListQuery.MaxTop}");
        }

        query = new ReleaseListQuery
        {
            Since = since,
            Until = until,
            Statuses = statuses,
            Language = language,
            EntityKey = entityKey,
            Top = top,
            Continuation = q["continuation"].ToString() is { Length: > 0 } c ? c : null,
        };
        return null;

        static IResult Invalid(string name, string expected) =>
            ApiErrors.BadRequest(ApiErrorCodes.InvalidParameter, $"'{name}' must be {expected}.");
    }

    static bool TryParseTime(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    async Task<ReleaseRow?> RowAsync(string id, CancellationToken cancellationToken) =>
        ReleaseIdPattern().IsMatch(id ?? string.Empty) ? await queries.GetAsync(id!, cancellationToken) : null;

    static IResult UnknownRelease(string id) => ApiErrors.NotFound($"No release {id}.");

    static IResult TooLarge(long limit) =>
        ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.TooLarge, $"The file is larger than the upload limit of {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes.");

    /// <summary>The last path segment of a client's file name, if it is a usable blob name.</summary>
    internal static string? BlobNameFor(string fileName)
    {
        var name = fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        return name is null || name.Length > MaxFileNameLength || !BlobNameRules.IsValid(name) ? null : name;
    }

    [GeneratedRegex("^[0-9a-f]{16}-[0-9a-f]{16}$")]
    private static partial Regex ReleaseIdPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}

public sealed record UploadAccepted(string ReleaseId, string DocumentId, string Blob, string Status, bool Duplicate, string Url, string StatusUrl);

public sealed record ReleaseListResponse(IReadOnlyList<ReleaseSummary> Items, string? Continuation);

public sealed record ReleaseStatusView(string ReleaseId, string Status, string? ReasonCode, string? Reason, string? Language, string? SupersededBy, string? Stage = null);
