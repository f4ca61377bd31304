namespace PressRoom.Web;

/// <summary>
/// The public routes, relative to <c>/api</c> (the Functions route prefix). The local host maps them under <c>/api</c>,
/// the Functions app declares them on its HTTP triggers, and the OpenAPI document describes them: one list for all three.
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
