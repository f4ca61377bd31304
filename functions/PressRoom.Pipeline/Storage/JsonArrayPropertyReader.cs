using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Reads the elements of one top-level array property of a JSON object from a stream, one element at a time.
/// Why: entities.{lang}.json of a large release holds a quarter of a million mentions; the save reads them once,
/// streamed, instead of deserializing the whole list (the serializer streams root-level arrays only).
/// Memory: one read buffer that grows only for an element larger than it.
/// </summary>
public static class JsonArrayPropertyReader
{
    const int DefaultBufferBytes = 64 * 1024;

    /// <param name="property">The top-level property name as stored (e.g. <c>entities</c>); a missing or null property yields nothing.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream source,
        string property,
        JsonSerializerOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        int bufferBytes = DefaultBufferBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(options);
        var scan = new ScanState(property);
        var state = new JsonReaderState();
        var batch = new List<T>();
        var buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
        try
        {
            int filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One element does not fit: grow instead of failing.
                    buffer = PooledBuffer.Grow(buffer, filled);
                }

                int read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                filled += read;
                bool final = read == 0;
                int consumed = Scan(buffer.AsSpan(0, filled), final, ref state, scan, batch, options);
                foreach (var item in batch)
                {
                    yield return item;
                }

                batch.Clear();
                if (final)
                {
                    if (!scan.Ended)
                    {
                        throw new InvalidDataException("The JSON document ended before its top-level object was closed.");
                    }

                    yield break;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <returns>Bytes consumed; the rest (a partial token or element) is read again with more data.</returns>
    static int Scan<T>(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ScanState scan, List<T> batch, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (true)
        {
            var before = reader.CurrentState;
            long beforeBytes = reader.BytesConsumed;
            if (!reader.Read())
            {
                break;
            }

            if (reader.CurrentDepth == 0)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    scan.Started = true;
                }
                else if (reader.TokenType == JsonTokenType.EndObject)
                {
                    scan.Ended = true;
                }
                else
                {
                    throw new InvalidDataException("The JSON document is not an object.");
                }

                continue;
            }

            if (scan.InArray)
            {
                if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == 1)
                {
                    scan.InArray = false;
                    continue;
                }

                // The serializer needs the whole element: when it is not all in the buffer, read it again with more data.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var probe = reader;
                    if (!probe.TrySkip())
                    {
                        state = before;
                        return (int)beforeBytes;
                    }
                }

                batch.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
                continue;
            }

            if (scan.AwaitingValue)
            {
                scan.AwaitingValue = false;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    scan.InArray = true;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    throw new InvalidDataException($"The property {scan.Property} is not an array.");
                }

                continue;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(scan.Property))
            {
                scan.AwaitingValue = true;
            }

            // Every other token (other properties and their values) is read past.
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Where the scan is: before, inside or after the array, across buffer refills.</summary>
    sealed class ScanState(string property)
    {
        public string Property { get; } = property;

        public bool Started { get; set; }

        public bool Ended { get; set; }

        public bool AwaitingValue { get; set; }

        public bool InArray { get; set; }
    }
}
