using Microsoft.AspNetCore.Http;

namespace PressRoom.Web;

/// <summary>Response headers of the static pages, the same in both hosts.</summary>
public static class PageHeaders
{
    /// <summary>The comms page: only our own scripts, styles and API; it loads nothing from elsewhere and cannot be framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The dashboard: only our own files, only from this origin; inline script and styles are not allowed.</summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

    public static void Apply(IHeaderDictionary headers, PageFile file, string contentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(file);
        headers.ContentType = file.ContentType;
        headers.ETag = file.ETag;

        // Revalidate every time: a deploy changes the page and staff should never run a stale script against a new API.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
    }

    public static bool NotModified(IHeaderDictionary requestHeaders, PageFile file) =>
        requestHeaders.IfNoneMatch.Any(v => v == file.ETag);
}
