using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Web;

/// <summary>The entity endpoints, shared by both hosts: search by name, and every release that mentions an entity.</summary>
public sealed class EntitiesApi(EntitySearch search, ReleasesApi releases, ILogger<EntitiesApi> logger)
{
    /// <summary><c>GET /api/entities?q=&amp;category=&amp;top=</c>: entities whose Arabic or English name has words starting with the query's words.</summary>
    public Task<IResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ApiErrors.GuardAsync(logger, nameof(SearchAsync), async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            var q = request.Query["q"].ToString();
            if (NameNormalizer.Normalize(q).Replace(" ", string.Empty, StringComparison.Ordinal).Length < NameNormalizer.MinTokenLength)
            {
                return ApiErrors.BadRequest(ApiErrorCodes.InvalidParameter, $"'q' must hold a name of at least {NameNormalizer.MinTokenLength} letters.");
            }

            var top = ReleaseListQuery.DefaultTop;
            if (request.Query["top"].ToString() is { Length: > 0 } t && (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > ReleaseListQuery.MaxTop))
            {
                return ApiErrors.BadRequest(ApiErrorCodes.InvalidParameter, $"'top' must be a number from 1 to {ReleaseListQuery.MaxTop}.");
            }

            var category = request.Query["category"].ToString() is { Length: > 0 } c ? c : null;
            try
            {
                var items = await search.SearchAsync(q, category, top, cancellationToken);
                return Results.Json(new EntitySearchResponse(q, items), PressRoomJson.Options);
            }
            catch (ArgumentException ex)
            {
                return ApiErrors.BadRequest(ApiErrorCodes.InvalidParameter, ex.Message);
            }
        });

    /// <summary><c>GET /api/entities/{key}/releases</c>: newest first, paged, with the same filters as <c>/api/releases</c>.</summary>
    public Task<IResult> ListReleasesAsync(string key, HttpRequest request, CancellationToken cancellationToken) =>
        ApiErrors.GuardAsync(logger, nameof(ListReleasesAsync), async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            if (string.IsNullOrWhiteSpace(key))
            {
                return ApiErrors.NotFound("No entity key given.");
            }

            if (ReleasesApi.ParseQuery(request, Uri.UnescapeDataString(key), out var query) is { } invalid)
            {
                return invalid;
            }

            return await releases.PageAsync(query, cancellationToken);
        });
}

public sealed record EntitySearchResponse(string Query, IReadOnlyList<EntityMatch> Items);
