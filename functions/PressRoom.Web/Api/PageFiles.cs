using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace PressRoom.Web;

/// <summary>One file of a static page, ready to send.</summary>
public sealed record PageFile(string Name, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The comms page (wwwroot/app), embedded in this assembly so both hosts serve the very same bytes without a
/// content root on disk. The page references its assets through a <c>__BASE__</c> token in index.html, replaced
/// with the path the host mounts the page at (<c>/app/</c> locally, <c>/api/app/</c> in the Functions app).
/// </summary>
public sealed class PageFiles
{
    /// <summary>Resource names are <c>app/{file}</c>; see PressRoom.Pipeline.csproj.</summary>
    const string ResourcePrefix = "app/";
    const string IndexFile = "index.html";
    const string BaseToken = "__BASE__";

    static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    readonly FrozenDictionary<string, PageFile> files;

    public PageFiles(string basePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(basePath);
        BasePath = basePath.EndsWith('/') ? basePath : basePath + "/";
        files = Load(typeof(PageFiles).Assembly, BasePath);
    }

    /// <summary>The URL path the page is mounted at, ending in <c>/</c>.</summary>
    public string BasePath { get; }

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

        // Flat folder: anything with a separator or dot-dot is not ours.
        return name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            ? null
            : files.GetValueOrDefault(name);
    }

    static FrozenDictionary<string, PageFile> Load(Assembly assembly, string basePath)
    {
        var result = new Dictionary<string, PageFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (name == IndexFile)
            {
                bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(BaseToken, basePath, StringComparison.Ordinal));
            }

            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
            result[name] = new PageFile(name, bytes, type, etag);
        }

        if (!result.ContainsKey(IndexFile))
        {
            throw new InvalidOperationException("The comms page is not embedded in PressRoom.Pipeline (wwwroot/app/index.html).");
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
