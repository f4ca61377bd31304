using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PressRoom.Web;

/// <summary>
/// Local-host guard of the upload and read endpoints: the key configured as <c>Api:Key</c> must come as <c>X-Api-Key</c>;
/// with no key configured only loopback callers are served. (In Azure, Functions keys guard the same routes.)
/// </summary>
public sealed class ApiKeyFilter(IOptionsMonitor<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var denied = Check(context.HttpContext, options.CurrentValue.Key);
        return denied is null ? next(context) : ValueTask.FromResult<object?>(denied);
    }

    /// <returns>The error to answer with, or null when the caller may proceed.</returns>
    public static IResult? Check(HttpContext context, string? key)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(key))
        {
            var remote = context.Connection.RemoteIpAddress;
            return remote is null || System.Net.IPAddress.IsLoopback(remote)
                ? null
                : ApiErrors.Error(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, "No API key is configured: this host serves loopback callers only.");
        }

        var sent = context.Request.Headers[HeaderName].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(key))
            ? null
            : ApiErrors.Error(StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized, $"Send the API key in the {HeaderName} header.");
    }
}
