using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PressRoom.Web;

/// <summary>
/// Every HTTP route of PressRoom, mapped by the local host. The Functions app exposes the same handlers as HTTP
/// triggers on the same routes, so both hosts answer with the same JSON.
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapPressRoomApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapCommsPage();
        endpoints.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
        endpoints.MapReleasesApi();
        endpoints.MapAdminApi();
        return endpoints;
    }
}
