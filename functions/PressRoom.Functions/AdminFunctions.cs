using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Admin;

namespace PressRoom.Functions;

/// <summary>
/// The admin API as HTTP triggers: each is one line over <see cref="AdminApi"/>, the same handler the local host maps.
/// Callers are admins or readers by PressRoom's own keys (<c>Api:AdminKey</c>, <c>Api:ReaderKey</c>, sent as
/// <c>X-Api-Key</c>), so nobody needs the Functions host's master key to use the dashboard; with no key configured
/// every call is refused. The dashboard's static files are public (they hold no data; every call they make needs a key).
/// </summary>
public sealed class AdminFunctions(AdminApi api, IOptions<ApiOptions> options)
{
    /// <summary>The dashboard's mount path (the Functions host reserves /admin for itself).</summary>
    public const string DashboardPath = "/api/dashboard/";

    // The embedded files never change while the app runs; load them once per process.
    static readonly EmbeddedSite DashboardSite = EmbeddedSite.Dashboard(DashboardPath);

    [Function("AdminListInstances")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AdminInstances)] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(api.ListAsync(client, Caller(request), request, request.HttpContext.RequestAborted));

    [Function("AdminCountInstances")]
    public Task<IActionResult> Counts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AdminInstanceCounts)] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(api.CountsAsync(client, Caller(request), request, request.HttpContext.RequestAborted));

    [Function("AdminGetInstance")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AdminInstance)] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        Write(api.GetAsync(client, Caller(request), id, request.HttpContext.RequestAborted));

    [Function("AdminInstanceAction")]
    public Task<IActionResult> Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AdminInstanceAction)] HttpRequest request, string id, string action, [DurableClient] DurableTaskClient client) =>
        Write(api.ActAsync(client, Caller(request), id, action, request, request.HttpContext.RequestAborted));

    [Function("AdminPurgeInstance")]
    public Task<IActionResult> Purge([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.AdminInstance)] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        Write(api.ActAsync(client, Caller(request), id, AdminActionNames.Purge, request, request.HttpContext.RequestAborted));

    [Function("AdminRetryFailed")]
    public Task<IActionResult> RetryFailed([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AdminRetryFailed)] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(api.RetryFailedAsync(client, Caller(request), request, request.HttpContext.RequestAborted));

    [Function("AdminPurgeInstances")]
    public Task<IActionResult> PurgeMany([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.AdminInstances)] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(api.PurgeManyAsync(client, Caller(request), request, request.HttpContext.RequestAborted));

    /// <summary>The dashboard at /api/dashboard/ (the Functions host reserves /admin for itself).</summary>
    [Function("AdminDashboard")]
    public static Task<IActionResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*file}")] HttpRequest request, string? file) =>
        Write(Task.FromResult(DashboardSite.Serve(request.HttpContext, file)));

    AdminCaller Caller(HttpRequest request) => AdminAccess.ResolveByKey(request.HttpContext, options.Value);

    static async Task<IActionResult> Write(Task<IResult> handler) => new ApiResult(await handler);
}
