using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// The blobs of one release under <c>processed/{releaseId}/</c>. Every write is an overwrite of a
/// deterministic path, so a replayed activity produces the same blobs.
/// </summary>
public sealed class ReleaseArtifacts(PressRoomStorage storage)
{
    public const string DocumentFile = "document.json";
    public const string ReleaseFile = "release.json";

    public static string PathOf(string releaseId, string file) => $"{releaseId}/{file}";

    public static string TextFile(string language) => $"text.{language}.txt";

    public static string TranslationFile(string language) => $"translation.{language}.json";

    public static string EntitiesFile(string language) => $"entities.{language}.json";

    /// <summary>The pointer stored in tables and events: container/path.</summary>
    public static string Pointer(string releaseId, string file) => $"{StorageNames.ProcessedContainer}/{PathOf(releaseId, file)}";

    BlobClient Blob(string releaseId, string file) => storage.ProcessedContainer.GetBlobClient(PathOf(releaseId, file));

    /// <summary>Block size of streamed JSON writes: a smaller document is one request, a larger one never one array.</summary>
    const int JsonBlockBytes = 4 * 1024 * 1024;

    public async Task WriteJsonAsync<T>(string releaseId, string file, T value, CancellationToken cancellationToken)
    {
        var headers = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" };
        await using var stream = new BlockUploadStream(storage.ProcessedContainer.GetBlockBlobClient(PathOf(releaseId, file)), headers, JsonBlockBytes);
        await JsonSerializer.SerializeAsync(stream, value, PressRoomJson.Options, cancellationToken);
        await stream.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes text as UTF-8 (no BOM), encoded block by block rather than into one array of the whole text.</summary>
    public async Task WriteTextAsync(string releaseId, string file, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" };
        await using var stream = new BlockUploadStream(storage.ProcessedContainer.GetBlockBlobClient(PathOf(releaseId, file)), headers, JsonBlockBytes);
        await using (var writer = new StreamWriter(stream, Utf8NoBom, TextBufferChars, leaveOpen: true))
        {
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }

        await stream.CompleteAsync(cancellationToken);
    }

    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    const int TextBufferChars = 64 * 1024;

    public async Task<T> ReadJsonAsync<T>(string releaseId, string file, CancellationToken cancellationToken)
    {
        // Streamed: a large document is parsed as it arrives instead of being held twice (bytes, then objects).
        var result = await Blob(releaseId, file).DownloadStreamingAsync(cancellationToken: cancellationToken);
        await using var content = result.Value.Content;
        return await JsonSerializer.DeserializeAsync<T>(content, PressRoomJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{PathOf(releaseId, file)} is empty.");
    }

    public async Task<T?> TryReadJsonAsync<T>(string releaseId, string file, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await ReadJsonAsync<T>(releaseId, file, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Rewrites some top-level fields of a JSON blob, streamed from the stored copy to the new one, so a large document
    /// is never held whole (<see cref="JsonTopLevelPatch"/>).
    /// </summary>
    /// <param name="replacements">Field name as stored (camelCase) → new value.</param>
    /// <returns>False when the blob does not exist.</returns>
    public async Task<bool> TryPatchJsonAsync(string releaseId, string file, IReadOnlyDictionary<string, object?> replacements, CancellationToken cancellationToken)
    {
        Response<BlobDownloadStreamingResult> download;
        try
        {
            download = await Blob(releaseId, file).DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }

        using var result = download.Value;
        await using var content = result.Content;

        // The new content is staged (or held, up to one block) and committed only after the old one was read to the end.
        var headers = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" };
        await using var stream = new BlockUploadStream(storage.ProcessedContainer.GetBlockBlobClient(PathOf(releaseId, file)), headers, JsonBlockBytes);
        await JsonTopLevelPatch.CopyAsync(content, stream, replacements, NoFields, PressRoomJson.Options, cancellationToken);
        await stream.CompleteAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Reads a JSON blob without some of its top-level fields (streamed past, never parsed into objects): a summary of
    /// a release.json without its entity lists, for example.
    /// </summary>
    public async Task<T?> TryReadJsonWithoutAsync<T>(string releaseId, string file, IReadOnlySet<string> omit, CancellationToken cancellationToken)
        where T : class
    {
        Response<BlobDownloadStreamingResult> download;
        try
        {
            download = await Blob(releaseId, file).DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        using var result = download.Value;
        await using var content = result.Content;
        using var rest = new MemoryStream();
        await JsonTopLevelPatch.CopyAsync(content, rest, NoReplacements, omit, PressRoomJson.Options, cancellationToken);
        rest.Position = 0;
        return await JsonSerializer.DeserializeAsync<T>(rest, PressRoomJson.Options, cancellationToken)
            ?? throw new InvalidDataException($"{PathOf(releaseId, file)} is empty.");
    }

    static readonly IReadOnlySet<string> NoFields = FrozenSet<string>.Empty;

    static readonly IReadOnlyDictionary<string, object?> NoReplacements = FrozenDictionary<string, object?>.Empty;

    public async Task<string?> TryReadTextAsync(string releaseId, string file, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Blob(releaseId, file).DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
