using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PressRoom.Web;

/// <summary>
/// Guards the local host when no key protects a route. Loopback-only is not enough on its own: a page from another
/// site (or another loopback port) can make the browser send "simple" cross-origin requests, and a DNS-rebinding page
/// reaches 127.0.0.1 under its own host name. So without a key a request must name a loopback host in <c>Host</c>,
/// and a browser's <c>Origin</c>, when sent, must be this server. With a key configured for the route, the key is the
/// check (browsers cannot add <c>X-Api-Key</c> to a cross-origin request without a CORS preflight, which we never allow).
/// </summary>
public sealed partial class LoopbackRequestGuard(RequestDelegate next, IOptionsMonitor<ApiOptions> options, ILogger<LoopbackRequestGuard> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (KeyProtects(context.Request.Path, options.CurrentValue))
        {
            return next(context);
        }

        var refusal = Refusal(context.Request);
        if (refusal is null)
        {
            return next(context);
        }

        LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, refusal);
        return ApiErrors.Error(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, refusal).ExecuteAsync(context);
    }

    /// <summary>True when the route's key is configured, so the key check (not this guard) decides.</summary>
    internal static bool KeyProtects(PathString path, ApiOptions options) =>
        path.StartsWithSegments("/api/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            ? !string.IsNullOrEmpty(options.AdminKey) || !string.IsNullOrEmpty(options.ReaderKey)
            : !string.IsNullOrEmpty(options.Key);

    /// <returns>Why the request is refused, or null when it may proceed.</returns>
    internal static string? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsLoopbackName(request.Host.Host))
        {
            return "No key is configured: this host answers only requests addressed to 127.0.0.1, localhost or [::1].";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwnOrigin(origin, request))
        {
            return "Cross-origin requests are refused: without a key only this server's own pages may call it.";
        }

        // Browsers without Origin on a cross-site request still send Sec-Fetch-Site (all current ones do).
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "cross-site" or "same-site"
            ? "Cross-origin requests are refused: without a key only this server's own pages may call it."
            : null;
    }

    public static bool IsLoopbackName(string host) =>
        host.Equals("127.0.0.1", StringComparison.Ordinal)
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.Equals("[::1]", StringComparison.Ordinal);

    /// <summary>Browsers serialise an origin as scheme://host[:port], as the Host header names the same server.</summary>
    static bool IsOwnOrigin(string origin, HttpRequest request) =>
        origin.Equals($"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Reason}")]
    static partial void LogRefused(ILogger logger, string method, string path, string reason);
}
