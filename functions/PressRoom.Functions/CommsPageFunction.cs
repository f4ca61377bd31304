using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace PressRoom.Functions;

/// <summary>
/// <c>GET /api/app/{file}</c>: the comms page (static, embedded in PressRoom.Web). Anonymous because it holds
/// no data: every API call the page makes carries the Function key the user enters, as <c>x-functions-key</c>.
/// </summary>
public sealed class CommsPageFunction
{
    /// <summary>Functions routes live under the <c>api</c> prefix, so the page does too.</summary>
    public const string BasePath = "/api/app/";

    // The embedded files never change while the app runs; load them once per process.
    static readonly EmbeddedSite Site = EmbeddedSite.CommsPage(BasePath);

    [Function("CommsPage")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/{*path}")] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = Site.Find(path);
        if (file is null)
        {
            return new NotFoundResult();
        }

        PageHeaders.Apply(request.HttpContext.Response.Headers, file, Site.ContentSecurityPolicy);
        return PageHeaders.NotModified(request.Headers, file)
            ? new StatusCodeResult(StatusCodes.Status304NotModified)
            : new FileContentResult(file.Content, file.ContentType);
    }
}
