using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace PressRoom.Functions;

/// <summary>The public HTTP API as HTTP triggers: same routes and handlers as the local host (see <see cref="ApiRoutes"/>), guarded by Functions keys.</summary>
public sealed class ApiFunctions(ReleasesApi releases, EntitiesApi entities, PublicApiDescription description)
{
    [Function("UploadRelease")]
    public async Task<IActionResult> UploadRelease(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Releases)] HttpRequest request) =>
        new ApiResult(await releases.UploadAsync(request, request.HttpContext.RequestAborted));

    [Function("ListReleases")]
    public async Task<IActionResult> ListReleases(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Releases)] HttpRequest request) =>
        new ApiResult(await releases.ListAsync(request, request.HttpContext.RequestAborted));

    [Function("GetRelease")]
    public async Task<IActionResult> GetRelease(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Release)] HttpRequest request, string id) =>
        new ApiResult(await releases.GetAsync(id, request.HttpContext.RequestAborted));

    [Function("GetReleaseText")]
    public async Task<IActionResult> GetReleaseText(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ReleaseText)] HttpRequest request, string id) =>
        new ApiResult(await releases.GetTextAsync(id, request.Query["lang"].ToString(), request.HttpContext.RequestAborted));

    [Function("GetReleaseStatus")]
    public async Task<IActionResult> GetReleaseStatus(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ReleaseStatus)] HttpRequest request, string id) =>
        new ApiResult(await releases.GetStatusAsync(id, request.HttpContext.RequestAborted));

    [Function("SearchEntities")]
    public async Task<IActionResult> SearchEntities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Entities)] HttpRequest request) =>
        new ApiResult(await entities.SearchAsync(request, request.HttpContext.RequestAborted));

    [Function("ListEntityReleases")]
    public async Task<IActionResult> ListEntityReleases(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.EntityReleases)] HttpRequest request, string key) =>
        new ApiResult(await entities.ListReleasesAsync(key, request, request.HttpContext.RequestAborted));

    /// <summary>The API description is public, like the local host's, and the same document (generated from the local endpoints).</summary>
    [Function("GetOpenApi")]
    public async Task<IActionResult> GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        new ContentResult { Content = await description.GetJsonAsync(request.HttpContext.RequestAborted), ContentType = "application/json; charset=utf-8", StatusCode = 200 };
}
