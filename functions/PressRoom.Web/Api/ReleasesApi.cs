using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    ILogger<ReleasesApi> logger)
{
    public const string FileNameHeader = "X-File-Name";
    const int MaxFileNameLength = 200;

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
            if (request.ContentLength > limit && !request.HasFormContentType)
            {
                return TooLarge(limit);
            }

            string? fileName;
            Stream content;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                var file = form.Files.FirstOrDefault();
                if (file is null)
                {
                    return ApiErrors.BadRequest(ApiErrorCodes.MissingFile, "The multipart body has no file part.");
                }

                if (file.Length > limit)
                {
                    return TooLarge(limit);
                }

                fileName = form.TryGetValue("fileName", out var field) && !string.IsNullOrWhiteSpace(field) ? field.ToString() : file.FileName;
                content = file.OpenReadStream();
            }
            else
            {
                fileName = request.Headers[FileNameHeader].ToString() is { Length: > 0 } header ? Uri.UnescapeDataString(header) : null;
                content = request.Body;
            }

            if (string.IsNullOrWhiteSpace(fileName))
            {
                return ApiErrors.BadRequest(ApiErrorCodes.MissingFileName, $"Name the file: send the {FileNameHeader} header (percent-encoded UTF-8) or a multipart file name.");
            }

            if (BlobNameFor(fileName) is not { } blobName)
            {
                return ApiErrors.BadRequest(ApiErrorCodes.InvalidFileName, $"The file name must be 1–{MaxFileNameLength} characters without control characters, and not '.' or '..'.");
            }

            using var buffer = new MemoryStream();
            await using (content)
            {
                if (!await CopyWithinAsync(content, buffer, limit, cancellationToken))
                {
                    return TooLarge(limit);
                }
            }

            if (buffer.Length == 0)
            {
                return ApiErrors.BadRequest(ApiErrorCodes.Empty, "The file is empty.");
            }

            buffer.Position = 0;
            var releaseId = await uploader.UploadAsync(blobName, buffer, cancellationToken);
            var existing = await queries.GetAsync(releaseId, cancellationToken);
            var url = ApiRoutes.ReleaseUrl(releaseId);
            logger.LogInformation("Release uploaded over HTTP as blob {BlobName}: release {ReleaseId}", blobName, releaseId);
            return Results.Json(
                new UploadAccepted(releaseId, ReleaseIdentity.DocumentId(blobName), $"{StorageNames.ReleasesContainer}/{blobName}", existing?.Status ?? "Uploaded", existing is not null, url, url + "/status"),
                PressRoomJson.Options,
                statusCode: StatusCodes.Status202Accepted);
        });

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
        return name is null or "." or ".." || name.Length > MaxFileNameLength || name.Any(char.IsControl) ? null : name;
    }

    static async Task<bool> CopyWithinAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return true;
    }

    [GeneratedRegex("^[0-9a-f]{16}-[0-9a-f]{16}$")]
    private static partial Regex ReleaseIdPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}

public sealed record UploadAccepted(string ReleaseId, string DocumentId, string Blob, string Status, bool Duplicate, string Url, string StatusUrl);

public sealed record ReleaseListResponse(IReadOnlyList<ReleaseSummary> Items, string? Continuation);

public sealed record ReleaseStatusView(string ReleaseId, string Status, string? ReasonCode, string? Reason, string? Language, string? SupersededBy, string? Stage = null);
