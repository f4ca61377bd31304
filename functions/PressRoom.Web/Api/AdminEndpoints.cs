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
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup($"{ApiRoutes.Prefix}/{ApiRoutes.AdminInstances}");
        admin.MapGet("/", (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.ListAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        admin.MapGet("/counts", (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.CountsAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        admin.MapPost("/retry-failed", (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.RetryFailedAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        admin.MapDelete("/", (HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.PurgeManyAsync(client, AdminAccess.Resolve(http, options.Value), http.Request, http.RequestAborted));
        admin.MapGet("/{id}", (string id, HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.GetAsync(client, AdminAccess.Resolve(http, options.Value), id, http.RequestAborted));
        admin.MapDelete("/{id}", (string id, HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.ActAsync(client, AdminAccess.Resolve(http, options.Value), id, AdminActionNames.Purge, http.Request, http.RequestAborted));
        admin.MapPost("/{id}/{action:regex(^(terminate|restart|rewind)$)}", (string id, string action, HttpContext http, AdminApi api, DurableTaskClient client, IOptions<ApiOptions> options) =>
            api.ActAsync(client, AdminAccess.Resolve(http, options.Value), id, action, http.Request, http.RequestAborted));

        // The dashboard: static files embedded in this assembly. It holds no data; every call it makes needs a key.
        // Routing treats "/admin" and "/admin/" alike; the page's relative links need the slash.
        endpoints.MapGet("/admin", (HttpContext http) =>
            http.Request.Path.Value?.EndsWith('/') == true ? AdminStaticFiles.Serve(null) : Results.Redirect("/admin/"));
        endpoints.MapGet("/admin/{*file}", (string? file) => AdminStaticFiles.Serve(file));
        return endpoints;
    }
}
