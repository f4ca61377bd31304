using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PressRoom.Web;

/// <summary>
/// Serves the comms page on the local host: the page at <c>/</c>, its assets at <c>/app/{file}</c>.
/// The Functions app serves the same embedded files through its own HTTP trigger.
/// </summary>
public static class StaticPages
{
    public const string LocalBasePath = "/app/";

    public static IEndpointRouteBuilder MapCommsPage(this IEndpointRouteBuilder endpoints)
    {
        var site = EmbeddedSite.CommsPage(LocalBasePath);
        endpoints.MapGet("/", (HttpContext context) => site.Serve(context, null)).ExcludeFromDescription();
        endpoints.MapGet("/app/{*path}", (HttpContext context, string? path) => site.Serve(context, path)).ExcludeFromDescription();
        return endpoints;
    }
}
