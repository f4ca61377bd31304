using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace PressRoom.Web;

/// <summary>One file of a static page, ready to send.</summary>
public sealed record PageFile(string Name, byte[] Content, string ContentType, string ETag);

/// <summary>
/// One folder of the embedded <c>wwwroot</c> (the comms page, the dashboard) served at a mount path. Both hosts read
/// the files through the assembly's <see cref="ManifestEmbeddedFileProvider"/>, so they serve the very same bytes
/// without a content root on disk. An index.html may reference its assets through a <c>__BASE__</c> token, replaced
/// with the mount path (<c>/app/</c> locally, <c>/api/app/</c> in the Functions app).
/// </summary>
public sealed class EmbeddedSite
{
    const string Root = "wwwroot";
    const string IndexFile = "index.html";
    const string BaseToken = "__BASE__";

    readonly FrozenDictionary<string, PageFile> files;

    public EmbeddedSite(string folder, string mountPath, string contentSecurityPolicy)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(mountPath);
        ArgumentException.ThrowIfNullOrEmpty(contentSecurityPolicy);
        MountPath = mountPath.EndsWith('/') ? mountPath : mountPath + "/";
        ContentSecurityPolicy = contentSecurityPolicy;
        files = Load(folder, MountPath);
    }

    /// <summary>The comms page (wwwroot/app) mounted at <paramref name="mountPath"/>.</summary>
    public static EmbeddedSite CommsPage(string mountPath) => new("app", mountPath, PageHeaders.ContentSecurityPolicy);

    /// <summary>The admin dashboard (wwwroot/admin) mounted at <paramref name="mountPath"/>.</summary>
    public static EmbeddedSite Dashboard(string mountPath) => new("admin", mountPath, PageHeaders.DashboardContentSecurityPolicy);

    /// <summary>The URL path the site is mounted at, ending in <c>/</c>.</summary>
    public string MountPath { get; }

    public string ContentSecurityPolicy { get; }

    public IEnumerable<string> Names => files.Keys;

    public PageFile Index => files[IndexFile];

    /// <summary>The file for a request path under the mount; empty or <c>/</c> is the index. Null when there is no such file.</summary>
    public PageFile? Find(string? path)
    {
        var name = (path ?? string.Empty).Trim('/');
        if (name.Length == 0)
        {
            return Index;
        }

        // Flat folders: anything with a separator or dot-dot is not ours.
        return name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            ? null
            : files.GetValueOrDefault(name);
    }

    /// <summary>The answer to a GET of <paramref name="path"/>: the file with the page headers, 304 when the ETag matches, or 404.</summary>
    public IResult Serve(HttpContext context, string? path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Find(path) is not { } file)
        {
            return Results.NotFound();
        }

        PageHeaders.Apply(context.Response.Headers, file, ContentSecurityPolicy);
        return PageHeaders.NotModified(context.Request.Headers, file)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(file.Content, file.ContentType);
    }

    static FrozenDictionary<string, PageFile> Load(string folder, string mountPath)
    {
        var provider = new ManifestEmbeddedFileProvider(typeof(EmbeddedSite).Assembly, Root);
        var contentTypes = new FileExtensionContentTypeProvider();
        var result = new Dictionary<string, PageFile>(StringComparer.Ordinal);
        foreach (var entry in provider.GetDirectoryContents(folder).Where(f => !f.IsDirectory))
        {
            using var stream = entry.CreateReadStream();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (entry.Name == IndexFile)
            {
                bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(BaseToken, mountPath, StringComparison.Ordinal));
            }

            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
            result[entry.Name] = new PageFile(entry.Name, bytes, ContentType(contentTypes, entry.Name), etag);
        }

        if (!result.ContainsKey(IndexFile))
        {
            throw new InvalidOperationException($"{Root}/{folder}/{IndexFile} is not embedded in PressRoom.Web.");
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The framework's extension table; text types say they are UTF-8, as every file of ours is.</summary>
    static string ContentType(FileExtensionContentTypeProvider provider, string name)
    {
        if (!provider.TryGetContentType(name, out var type))
        {
            return "application/octet-stream";
        }

        return type.StartsWith("text/", StringComparison.Ordinal) || type == "application/json" ? type + "; charset=utf-8" : type;
    }
}
