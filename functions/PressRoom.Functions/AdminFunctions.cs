using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Admin;

namespace PressRoom.Functions;

/// <summary>
/// The admin API as HTTP triggers at admin level (the host's master/system key): each is one line over
/// <see cref="AdminApi"/>, the same handler the local host maps. The dashboard's static files are public (they hold
/// no data; every call they make needs the key).
/// </summary>
public sealed class AdminFunctions(AdminApi api)
{
    const string Instances = ApiRoutes.AdminInstances;

    [Function("AdminListInstances")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Admin, "get", Route = Instances)] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(request, api.ListAsync(client, AdminAccess.FunctionsAdmin(request), request, request.HttpContext.RequestAborted));

    [Function("AdminCountInstances")]
    public Task<IActionResult> Counts([HttpTrigger(AuthorizationLevel.Admin, "get", Route = Instances + "/counts")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(request, api.CountsAsync(client, AdminAccess.FunctionsAdmin(request), request, request.HttpContext.RequestAborted));

    [Function("AdminGetInstance")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Admin, "get", Route = Instances + "/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        Write(request, api.GetAsync(client, AdminAccess.FunctionsAdmin(request), id, request.HttpContext.RequestAborted));

    [Function("AdminInstanceAction")]
    public Task<IActionResult> Act([HttpTrigger(AuthorizationLevel.Admin, "post", Route = Instances + "/{id}/{action:regex(^(terminate|restart|rewind)$)}")] HttpRequest request, string id, string action, [DurableClient] DurableTaskClient client) =>
        Write(request, api.ActAsync(client, AdminAccess.FunctionsAdmin(request), id, action, request, request.HttpContext.RequestAborted));

    [Function("AdminPurgeInstance")]
    public Task<IActionResult> Purge([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = Instances + "/{id}")] HttpRequest request, string id, [DurableClient] DurableTaskClient client) =>
        Write(request, api.ActAsync(client, AdminAccess.FunctionsAdmin(request), id, AdminActionNames.Purge, request, request.HttpContext.RequestAborted));

    [Function("AdminRetryFailed")]
    public Task<IActionResult> RetryFailed([HttpTrigger(AuthorizationLevel.Admin, "post", Route = Instances + "/retry-failed")] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(request, api.RetryFailedAsync(client, AdminAccess.FunctionsAdmin(request), request, request.HttpContext.RequestAborted));

    [Function("AdminPurgeInstances")]
    public Task<IActionResult> PurgeMany([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = Instances)] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        Write(request, api.PurgeManyAsync(client, AdminAccess.FunctionsAdmin(request), request, request.HttpContext.RequestAborted));

    /// <summary>The dashboard at /api/dashboard/ (the Functions host reserves /admin for itself).</summary>
    [Function("AdminDashboard")]
    public static Task<IActionResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*file}")] HttpRequest request, string? file) =>
        Write(request, Task.FromResult(AdminStaticFiles.Serve(file)));

    static async Task<IActionResult> Write(HttpRequest request, Task<IResult> handler)
    {
        await (await handler).ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
