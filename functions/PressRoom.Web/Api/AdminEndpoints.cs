using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Admin;

namespace PressRoom.Web;

/// <summary>The admin API and the dashboard on the local host. The Functions app maps the same handlers as HTTP triggers.</summary>
public static class AdminEndpoints
{
    /// <summary>Where the local host serves the dashboard (the Functions app, which reserves /admin, serves it at /api/dashboard/).</summary>
    public const string LocalDashboardPath = "/admin/";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var routes = endpoints.MapGroup(ApiRoutes.Prefix);
        routes.MapGet(ApiRoutes.AdminInstances, (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.ListAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        routes.MapGet(ApiRoutes.AdminInstanceCounts, (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.CountsAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        routes.MapPost(ApiRoutes.AdminRetryFailed, (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.RetryFailedAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        routes.MapDelete(ApiRoutes.AdminInstances, (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.PurgeManyAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        routes.MapGet(ApiRoutes.AdminInstance, (string id, HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.GetAsync(client, AdminAccess.Resolve(http, options.Value), id, http.RequestAborted));
        routes.MapDelete(ApiRoutes.AdminInstance, (string id, HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.ActAsync(client, AdminAccess.Resolve(http, options.Value), id, AdminActionNames.Purge, http.Request, http.RequestAborted));
        routes.MapPost(ApiRoutes.AdminInstanceAction, (string id, string action, HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.ActAsync(client, AdminAccess.Resolve(http, options.Value), id, action, http.Request, http.RequestAborted));

        // The dashboard: static files embedded in this assembly. It holds no data; every call it makes needs a key.
        // Routing treats "/admin" and "/admin/" alike; the page's relative links need the slash.
        var dashboard = EmbeddedSite.Dashboard(LocalDashboardPath);
        endpoints.MapGet("/admin", (HttpContext http) =>
            http.Request.Path.Value?.EndsWith('/') == true ? dashboard.Serve(http, null) : Results.Redirect(LocalDashboardPath));
        endpoints.MapGet("/admin/{*file}", (HttpContext http, string? file) => dashboard.Serve(http, file));
        return endpoints;
    }
}
