using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace PressRoom.Web;

/// <summary>
/// The dashboard's HTML, CSS and JS, embedded in this assembly (wwwroot/admin) so both hosts serve the same files
/// without a content root. No CDN: the page loads nothing from elsewhere, and the CSP header says so.
/// </summary>
public static class AdminStaticFiles
{
    const string Prefix = "admin/";

    /// <summary>Only our own files, only from this origin; inline script and styles are not allowed.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

    static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IResult Serve(string? file)
    {
        var name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (name.Contains("..", StringComparison.Ordinal) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType) || Read(name) is not { } bytes)
        {
            return Results.NotFound();
        }

        return new StaticFileResult(bytes, contentType);
    }

    public static byte[]? Read(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(AdminStaticFiles).Assembly.GetManifestResourceStream(Prefix + n);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    sealed class StaticFileResult(byte[] content, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = 200;
            response.ContentType = contentType;
            response.Headers.CacheControl = "no-cache";
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.ContentLength = content.Length;
            return response.Body.WriteAsync(content, httpContext.RequestAborted).AsTask();
        }
    }
}
