using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PressRoom.Web;

/// <summary>
/// Registers and maps the public release and entity API. The endpoints carry their own description (name, tag,
/// response types, query parameters), from which Microsoft.AspNetCore.OpenApi generates <c>/api/openapi.json</c>
/// (<see cref="PublicApiDescription"/>); the Functions app has its own triggers on the same routes and serves the same document.
/// </summary>
public static class ReleasesApiEndpoints
{
    /// <summary>Metadata tag of every public API endpoint (the document describes exactly the endpoints with this tag).</summary>
    public const string Tag = "pressroom-public-api";

    /// <summary>The HTTP surface's services, on top of <c>AddPressRoomPipeline</c>: both hosts call both.</summary>
    public static IServiceCollection AddPressRoomApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiSettingsValidator>();
        services.AddSingleton<AdminApi>();
        // The upload limit is DocumentLimits.MaxOriginalBytes (Documents:*), bound with the readers, so HTTP and blob uploads share it.
        services.AddSingleton<ReleaseViewBuilder>();
        services.AddSingleton<ReleasesApi>();
        services.AddSingleton<EntitiesApi>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<UploadGate>();
        services.AddSingleton<PublicApiDescription>();
        return services;
    }

    public static IEndpointRouteBuilder MapReleasesApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        if (string.IsNullOrEmpty(services.GetRequiredService<IOptions<ApiOptions>>().Value.Key))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReleasesApiEndpoints))
                .LogWarning("No API key is configured (Api:Key): the release API answers loopback callers only. Set Api:Key to serve other hosts.");
        }

        MapPublicApi(endpoints);
        return endpoints;
    }

    /// <summary>The public endpoints and their description; also mapped by the description host that generates the document.</summary>
    internal static RouteGroupBuilder MapPublicApi(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix).WithTags(Tag);
        var guarded = api.MapGroup(string.Empty).AddEndpointFilter<ApiKeyFilter>()
            .ProducesError(StatusCodes.Status401Unauthorized)
            .ProducesError(StatusCodes.Status403Forbidden)
            .ProducesError(StatusCodes.Status500InternalServerError)
            .AddOpenApiOperationTransformer(ApiOperationDescriptions.RequireApiKeyAsync);

        guarded.MapPost(ApiRoutes.Releases, ([FromServices] ReleasesApi releases, HttpRequest request, CancellationToken ct) => releases.UploadAsync(request, ct))
            .DisableAntiforgery()
            .Describe("UploadRelease", "Upload a release (raw body with X-File-Name, or multipart/form-data); it is processed like a blob upload.")
            .Produces<UploadAccepted>(StatusCodes.Status202Accepted)
            .ProducesError(StatusCodes.Status400BadRequest)
            .ProducesError(StatusCodes.Status413PayloadTooLarge)
            .ProducesError(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(ApiOperationDescriptions.UploadBodyAsync);
        guarded.MapGet(ApiRoutes.Releases, ([FromServices] ReleasesApi releases, HttpRequest request, CancellationToken ct) => releases.ListAsync(request, ct))
            .Describe("ListReleases", "Releases, newest first, paged.", "since", "until", "language", "status", "entity", "top", "continuation")
            .Produces<ReleaseListResponse>()
            .ProducesError(StatusCodes.Status400BadRequest);
        guarded.MapGet(ApiRoutes.Release, (string id, [FromServices] ReleasesApi releases, CancellationToken ct) => releases.GetAsync(id, ct))
            .Describe("GetRelease", "One release: summary, title, dateline, paragraphs of the source and each translation, entities.")
            .Produces<ReleaseView>()
            .ProducesError(StatusCodes.Status404NotFound);
        guarded.MapGet(ApiRoutes.ReleaseText, (string id, string? lang, [FromServices] ReleasesApi releases, CancellationToken ct) => releases.GetTextAsync(id, lang, ct))
            .Describe("GetReleaseText", "Plain text of the source or a translation (lang: a language code or 'source'); entity offsets refer to it.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesError(StatusCodes.Status404NotFound);
        guarded.MapGet(ApiRoutes.ReleaseStatus, (string id, [FromServices] ReleasesApi releases, CancellationToken ct) => releases.GetStatusAsync(id, ct))
            .Describe("GetReleaseStatus", "Status, reason and current stage of a release, for polling after an upload.")
            .Produces<ReleaseStatusView>()
            .ProducesError(StatusCodes.Status404NotFound);
        guarded.MapGet(ApiRoutes.Entities, ([FromServices] EntitiesApi entities, HttpRequest request, CancellationToken ct) => entities.SearchAsync(request, ct))
            .Describe("SearchEntities", "Entities by Arabic or English name (normalized, word-prefix match).", "q", "category", "top")
            .Produces<EntitySearchResponse>()
            .ProducesError(StatusCodes.Status400BadRequest);
        guarded.MapGet(ApiRoutes.EntityReleases, (string key, [FromServices] EntitiesApi entities, HttpRequest request, CancellationToken ct) => entities.ListReleasesAsync(key, request, ct))
            .Describe("ListEntityReleases", "Releases that mention an entity, newest first, paged.", "since", "until", "language", "status", "top", "continuation")
            .Produces<ReleaseListResponse>()
            .ProducesError(StatusCodes.Status400BadRequest)
            .ProducesError(StatusCodes.Status404NotFound);
        api.MapGet(ApiRoutes.OpenApi, async ([FromServices] PublicApiDescription description, CancellationToken ct) =>
                Results.Text(await description.GetJsonAsync(ct), "application/json; charset=utf-8"))
            .Describe("GetOpenApi", "This document (OpenAPI, generated from the endpoints).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return api;
    }

    /// <summary>An error answer of the endpoint(s): the problem body of <see cref="ApiErrors"/>.</summary>
    static TBuilder ProducesError<TBuilder>(this TBuilder builder, int status)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiProblem), [ApiErrors.ContentType]));

    /// <summary>Operation id (also the Functions function name, see <see cref="ApiRoutes.All"/>), summary and the query parameters the handler reads.</summary>
    static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string operationId, string summary, params string[] query)
    {
        builder.WithName(operationId).WithSummary(summary);
        return query.Length == 0 ? builder : builder.AddOpenApiOperationTransformer((operation, _, _) => ApiOperationDescriptions.AddQueryAsync(operation, query));
    }
}
