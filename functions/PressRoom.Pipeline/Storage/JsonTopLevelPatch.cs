using System.Buffers;
using System.Text.Json;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Copies a JSON object from one stream to another token by token, replacing (or adding) some of its top-level
/// properties and leaving out others. Why: a status change of a release rewrites four fields of its release.json, and reading the whole
/// record (every mention of a large release) into objects to change them cost hundreds of megabytes; this holds one
/// read buffer and one write buffer, whatever the size of the document.
/// </summary>
public static class JsonTopLevelPatch
{
    const int DefaultBufferBytes = 64 * 1024;

    /// <param name="replacements">Top-level property name (as stored) → new value, written with <paramref name="options"/>.</param>
    /// <param name="omit">Top-level properties left out of the copy (e.g. a large list a summary does not need).</param>
    /// <param name="bufferBytes">Initial read buffer; it grows only for a single token larger than it.</param>
    public static async Task CopyAsync(
        Stream source,
        Stream destination,
        IReadOnlyDictionary<string, object?> replacements,
        IReadOnlySet<string> omit,
        JsonSerializerOptions options,
        CancellationToken cancellationToken,
        int bufferBytes = DefaultBufferBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(replacements);
        ArgumentNullException.ThrowIfNull(omit);
        ArgumentNullException.ThrowIfNull(options);
        var patch = new PatchState(replacements, omit, options);
        var state = new JsonReaderState();
        var buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
        try
        {
            await using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
            int filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One token does not fit: grow instead of failing (long strings, e.g. a title).
                    buffer = PooledBuffer.Grow(buffer, filled);
                }

                int read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                filled += read;
                bool final = read == 0;
                int consumed = Copy(buffer.AsSpan(0, filled), final, ref state, writer, patch);
                await writer.FlushAsync(cancellationToken);
                if (final)
                {
                    if (!patch.Ended)
                    {
                        throw new InvalidDataException("The JSON document ended before its top-level object was closed.");
                    }

                    return;
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

    /// <returns>Bytes consumed; the rest (a partial token) is read again with more data.</returns>
    static int Copy(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, Utf8JsonWriter writer, PatchState patch)
    {
        var reader = new Utf8JsonReader(data, final, state);
        while (reader.Read())
        {
            if (patch.Skip(ref reader))
            {
                continue;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (reader.CurrentDepth == 0)
                    {
                        patch.Started = true;
                    }

                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    if (reader.CurrentDepth == 0)
                    {
                        patch.WriteMissing(writer);
                        patch.Ended = true;
                    }

                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    if (reader.CurrentDepth == 1 && patch.TryReplace(reader.GetString()!, writer))
                    {
                        break;
                    }

                    if (reader.ValueIsEscaped)
                    {
                        writer.WritePropertyName(reader.GetString()!);
                    }
                    else
                    {
                        writer.WritePropertyName(reader.ValueSpan);
                    }

                    break;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped)
                    {
                        writer.WriteStringValue(reader.GetString());
                    }
                    else
                    {
                        writer.WriteStringValue(reader.ValueSpan);
                    }

                    break;
                case JsonTokenType.Number:
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
                default:
                    // Comments are not allowed by the reader's defaults; nothing else can appear.
                    throw new InvalidDataException($"Unexpected JSON token {reader.TokenType}.");
            }
        }

        if (!patch.Started && final)
        {
            throw new InvalidDataException("The JSON document is not an object.");
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Which replacements were written and whether the old value of one is being skipped.</summary>
    sealed class PatchState(IReadOnlyDictionary<string, object?> replacements, IReadOnlySet<string> omit, JsonSerializerOptions options)
    {
        readonly HashSet<string> written = new(StringComparer.Ordinal);
        bool skipNext;
        int skipUntilDepth = -1;

        public bool Started { get; set; }

        public bool Ended { get; set; }

        /// <summary>Writes the new value for a replaced property (nothing for an omitted one) and marks its old value to be skipped.</summary>
        public bool TryReplace(string name, Utf8JsonWriter writer)
        {
            if (omit.Contains(name))
            {
                skipNext = true;
                return true;
            }

            if (!replacements.TryGetValue(name, out var value))
            {
                return false;
            }

            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object), options);
            written.Add(name);
            skipNext = true;
            return true;
        }

        /// <summary>True for the tokens of a replaced property's old value.</summary>
        public bool Skip(ref Utf8JsonReader reader)
        {
            if (skipNext)
            {
                skipNext = false;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    skipUntilDepth = reader.CurrentDepth;
                }

                return true;
            }

            if (skipUntilDepth >= 0)
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == skipUntilDepth)
                {
                    skipUntilDepth = -1;
                }

                return true;
            }

            return false;
        }

        /// <summary>Replacements the document did not have are added at the end of the top-level object.</summary>
        public void WriteMissing(Utf8JsonWriter writer)
        {
            foreach (var (name, value) in replacements)
            {
                if (written.Add(name))
                {
                    writer.WritePropertyName(name);
                    JsonSerializer.Serialize(writer, value, value?.GetType() ?? typeof(object), options);
                }
            }
        }
    }
}
