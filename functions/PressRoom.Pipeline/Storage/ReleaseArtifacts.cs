using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PressRoom.Pipeline.Entities;

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

    /// <summary>
    /// Writes release.json with the mentions streamed into its <c>entities</c> field as they are read, handing each to
    /// <paramref name="observe"/> on the way (the entity tables are folded from the same single pass). The bytes are
    /// those of serializing the record with every mention held: the rest of the record is serialized as usual and the
    /// entity lists are written in its place.
    /// </summary>
    public async Task WriteReleaseJsonAsync(ReleaseRecord record, ReleaseMentions mentions, Action<string, ExtractedEntity> observe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(observe);
        var options = PressRoomJson.Options;
        var rest = JsonSerializer.SerializeToUtf8Bytes(record with { Entities = NoEntities }, options);
        var (start, end) = TopLevelValueRange(rest, EntitiesProperty);

        var headers = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" };
        await using var stream = new BlockUploadStream(storage.ProcessedContainer.GetBlockBlobClient(PathOf(record.ReleaseId, ReleaseFile)), headers, JsonBlockBytes);
        await stream.WriteAsync(rest.AsMemory(0, start), cancellationToken);
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented }))
        {
            writer.WriteStartObject();
            foreach (var language in mentions.Languages)
            {
                writer.WritePropertyName(language);
                writer.WriteStartArray();
                await foreach (var mention in mentions.ReadAsync(language, cancellationToken))
                {
                    observe(language, mention);
                    JsonSerializer.Serialize(writer, mention, options);
                    if (writer.BytesPending > WriterFlushBytes)
                    {
                        await writer.FlushAsync(cancellationToken);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
        }

        await stream.WriteAsync(rest.AsMemory(end), cancellationToken);
        await stream.CompleteAsync(cancellationToken);
    }

    /// <summary>The mentions of one language's stored entities.{lang}.json, streamed one by one.</summary>
    public async IAsyncEnumerable<ExtractedEntity> ReadEntitiesAsync(string releaseId, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var result = await Blob(releaseId, EntitiesFile(language)).DownloadStreamingAsync(cancellationToken: cancellationToken);
        using var download = result.Value;
        await using var content = download.Content;
        await foreach (var mention in JsonArrayPropertyReader.ReadAsync<ExtractedEntity>(content, EntitiesProperty, PressRoomJson.Options, cancellationToken))
        {
            yield return mention;
        }
    }

    /// <summary>Name of the mention lists in release.json and entities.{lang}.json.</summary>
    static readonly string EntitiesProperty = PressRoomJson.Options.PropertyNamingPolicy?.ConvertName(nameof(ReleaseRecord.Entities)) ?? nameof(ReleaseRecord.Entities);

    static readonly IReadOnlyDictionary<string, IReadOnlyList<ExtractedEntity>> NoEntities = FrozenDictionary<string, IReadOnlyList<ExtractedEntity>>.Empty;

    const int WriterFlushBytes = 64 * 1024;

    /// <summary>Byte range of a top-level property's value in a serialized object.</summary>
    static (int Start, int End) TopLevelValueRange(byte[] json, string property)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(property))
            {
                reader.Read();
                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                return (start, (int)reader.BytesConsumed);
            }

            if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        throw new InvalidOperationException($"The serialized record has no {property} field.");
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
