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
        var files = new PageFiles(LocalBasePath);
        endpoints.MapGet("/", (HttpContext context) => Serve(context, files.Index)).ExcludeFromDescription();
        endpoints.MapGet("/app/{*path}", (HttpContext context, string? path) => Serve(context, files.Find(path))).ExcludeFromDescription();
        return endpoints;
    }

    static IResult Serve(HttpContext context, PageFile? file)
    {
        if (file is null)
        {
            return Results.NotFound();
        }

        PageHeaders.Apply(context.Response.Headers, file);
        return PageHeaders.NotModified(context.Request.Headers, file)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(file.Content, file.ContentType);
    }
}
