using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PressRoom.Web;

/// <summary>Registers and maps the public release and entity API for the local host (the Functions app has its own triggers).</summary>
public static class ReleasesApiEndpoints
{
    /// <summary>Metadata tag of every public API endpoint (tests compare the tagged routes with the OpenAPI document).</summary>
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

        var api = endpoints.MapGroup(ApiRoutes.Prefix).WithTags(Tag);
        var guarded = api.MapGroup(string.Empty).AddEndpointFilter<ApiKeyFilter>();
        guarded.MapPost(ApiRoutes.Releases, (HttpRequest request, ReleasesApi releases, CancellationToken ct) => releases.UploadAsync(request, ct))
            .DisableAntiforgery();
        guarded.MapGet(ApiRoutes.Releases, (HttpRequest request, ReleasesApi releases, CancellationToken ct) => releases.ListAsync(request, ct));
        guarded.MapGet(ApiRoutes.Release, (string id, ReleasesApi releases, CancellationToken ct) => releases.GetAsync(id, ct));
        guarded.MapGet(ApiRoutes.ReleaseText, (string id, string? lang, ReleasesApi releases, CancellationToken ct) => releases.GetTextAsync(id, lang, ct));
        guarded.MapGet(ApiRoutes.ReleaseStatus, (string id, ReleasesApi releases, CancellationToken ct) => releases.GetStatusAsync(id, ct));
        guarded.MapGet(ApiRoutes.Entities, (HttpRequest request, EntitiesApi entities, CancellationToken ct) => entities.SearchAsync(request, ct));
        guarded.MapGet(ApiRoutes.EntityReleases, (string key, HttpRequest request, EntitiesApi entities, CancellationToken ct) => entities.ListReleasesAsync(key, request, ct));
        api.MapGet(ApiRoutes.OpenApi, () => Results.Text(OpenApiDocument.Build().ToJsonString(), "application/json; charset=utf-8"));
        return endpoints;
    }
}
