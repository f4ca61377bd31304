using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PressRoom.Functions;

/// <summary>Runs a minimal-API <see cref="IResult"/> as an MVC action result (the Functions ASP.NET Core integration returns IActionResult):
/// the one bridge between the handlers both hosts share and the HTTP triggers.</summary>
public sealed class ApiResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
