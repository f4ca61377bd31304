using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Functions;

/// <summary><c>GET /api/releases/{id}/status</c>: the release's row in the Releases table.</summary>
public sealed class ReleaseStatusFunction(ReleaseQueries queries)
{
    [Function("GetReleaseStatus")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "releases/{id}/status")] HttpRequest request,
        string id)
    {
        var row = await queries.GetAsync(id, request.HttpContext.RequestAborted);
        return row is null
            ? new NotFoundObjectResult(new { error = new { code = "NotFound", message = $"No release {id}." } })
            : new OkObjectResult(new
            {
                releaseId = id,
                status = row.GetString("Status"),
                reasonCode = row.GetString("ReasonCode"),
                reason = row.GetString("Reason"),
                language = row.GetString("Language"),
            });
    }
}
