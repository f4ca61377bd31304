namespace PressRoom.Contracts;

/// <summary>
/// The one route table, relative to <c>/api</c> (the Functions route prefix). The local host maps them under <c>/api</c>,
/// the Functions app declares them on its HTTP triggers, the OpenAPI document describes them, the CLI calls them and
/// stored listings link to them: routes are part of the output contract, so they live with the contracts.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";
    public const string Releases = "releases";
    public const string Release = "releases/{id}";
    public const string ReleaseText = "releases/{id}/text";
    public const string ReleaseStatus = "releases/{id}/status";
    public const string Entities = "entities";
    public const string EntityReleases = "entities/{key}/releases";
    public const string OpenApi = "openapi.json";
    public const string AdminInstances = "admin/instances";
    public const string AdminInstanceCounts = AdminInstances + "/counts";
    public const string AdminRetryFailed = AdminInstances + "/retry-failed";
    public const string AdminInstance = AdminInstances + "/{id}";
    public const string AdminInstanceAction = AdminInstance + "/{action:regex(^(terminate|restart|rewind)$)}";

    /// <summary>Link to one orchestration instance of the admin API; with <paramref name="action"/>, to that action on it.</summary>
    public static string AdminInstanceUrl(string instanceId, string? action = null) =>
        $"{Prefix}/{AdminInstances}/{Uri.EscapeDataString(instanceId)}" + (action is null ? string.Empty : "/" + action);

    /// <summary>Link to one release, as listings carry it.</summary>
    public static string ReleaseUrl(string releaseId) => $"{Prefix}/releases/{releaseId}";

    /// <summary>Link to the releases that mention an entity.</summary>
    public static string EntityReleasesUrl(string key) => $"{Prefix}/entities/{Uri.EscapeDataString(key)}/releases";

    /// <summary>Every operation: method, route, operation id (also the Functions function name).</summary>
    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        new("POST", Releases, "UploadRelease"),
        new("GET", Releases, "ListReleases"),
        new("GET", Release, "GetRelease"),
        new("GET", ReleaseText, "GetReleaseText"),
        new("GET", ReleaseStatus, "GetReleaseStatus"),
        new("GET", Entities, "SearchEntities"),
        new("GET", EntityReleases, "ListEntityReleases"),
        new("GET", OpenApi, "GetOpenApi"),
    ];
}

public sealed record ApiOperation(string Method, string Route, string OperationId)
{
    public string Path => $"{ApiRoutes.Prefix}/{Route}";
}
