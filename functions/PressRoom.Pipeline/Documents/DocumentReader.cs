using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Documents.Formats;
using PressRoom.Pipeline.Language;

namespace PressRoom.Pipeline.Documents;

/// <summary>
/// The <see cref="IDocumentReader"/> of the pipeline: reads the original within the size limit, recognises its
/// format by content, extracts text blocks with the matching extractor, then builds the <see cref="ReleaseDocument"/>
/// (title, dateline, paragraphs, text, language, hashes). Every failure comes out as a
/// <see cref="DocumentRejectedException"/> with a reason code and a sentence — never a parser's exception.
/// </summary>
public sealed class DocumentReader(
    IOptions<DocumentLimits> options,
    ILanguageDetector languageDetector,
    TimeProvider clock,
    ILogger<DocumentReader> logger) : IDocumentReader
{
    /// <summary>Language detection looks at the opening of the text; more adds time, not accuracy.</summary>
    const int LanguageSampleCharacters = 20_000;

    readonly DocumentLimits limits = options.Value;

    public Task<ReleaseDocument> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken) =>
        ReadAsync(content, content is { CanSeek: true } ? content.Length - content.Position : null, fileName, cancellationToken);

    public async Task<ReleaseDocument> ReadAsync(Stream content, long? contentLength, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = await ReadOriginalAsync(content, contentLength, cancellationToken);
        return Read(bytes, fileName, cancellationToken);
    }

    /// <summary>Reads an original already in memory (tests, benchmarks, attachments).</summary>
    public ReleaseDocument Read(byte[] original, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        fileName ??= string.Empty;
        if (original.LongLength > limits.MaxOriginalBytes)
        {
            throw TooLarge(original.LongLength);
        }

        try
        {
            var context = new ExtractionContext(limits, fileName, cancellationToken);
            var extracted = FormatDispatcher.Extract(original, context);
            var document = Assemble(extracted, original);
            logger.LogInformation(
                "Read {FileName} as {Format}: {Characters} characters, {Paragraphs} paragraphs, language {Language}",
                fileName, document.Format, document.CharacterCount, document.Paragraphs.Count, document.Language);
            return document;
        }
        catch (DocumentRejectedException ex)
        {
            logger.LogWarning("Rejected {FileName}: {ReasonCode} {Reason}", fileName, ex.Reason, ex.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (InsufficientExecutionStackException ex)
        {
            logger.LogWarning(ex, "Rejected {FileName}: nesting too deep for the parser", fileName);
            throw new DocumentRejectedException(RejectionReason.LimitExceeded, "The document is nested too deeply to read safely.", ex);
        }
        catch (Exception ex)
        {
            // Parsers throw many exception types on damaged input; the user gets a sentence, the log gets the details.
            logger.LogWarning(ex, "Rejected {FileName}: parser failed with {ExceptionType}", fileName, ex.GetType().Name);
            throw new DocumentRejectedException(RejectionReason.Corrupt, RejectionMessages.For(RejectionReason.Corrupt), ex);
        }
    }

    async Task<byte[]> ReadOriginalAsync(Stream content, long? contentLength, CancellationToken cancellationToken)
    {
        long max = limits.MaxOriginalBytes;
        if (contentLength > max)
        {
            throw TooLarge(contentLength.Value);
        }

        using var buffer = contentLength is { } length ? new MemoryStream((int)length) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(buffer.Length + read, atLeast: true);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    ReleaseDocument Assemble(ExtractedText extracted, byte[] original)
    {
        var blocks = extracted.Blocks.Select(TextCleaner.CleanBlock).Where(b => b.Length > 0).ToList();
        var title = extracted.Title is null ? string.Empty : TextCleaner.CleanBlock(extracted.Title);
        if (title.Length == 0)
        {
            if (blocks.Count == 0)
            {
                throw new DocumentRejectedException(RejectionReason.NoText, RejectionMessages.For(RejectionReason.NoText));
            }

            title = blocks[0];
            blocks.RemoveAt(0);
        }

        if (title.Length > limits.MaxTitleCharacters)
        {
            // A giant first paragraph: its first sentence (or first words) is the title, the rest stays as text.
            var first = SentenceSegmenter.Split(title, limits.MaxTitleCharacters)[0];
            var rest = title[first.End..].Trim();
            if (rest.Length > 0)
            {
                blocks.Insert(0, rest);
            }

            title = first.Of(title);
        }

        var text = string.Join("\n\n", blocks.Prepend(title));
        var detectionStarted = Stopwatch.GetTimestamp();
        var language = languageDetector.Detect(text.Length > LanguageSampleCharacters ? text[..LanguageSampleCharacters] : text);
        var detectionTime = Stopwatch.GetElapsedTime(detectionStarted);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ReleaseDocument
        {
            Title = title,
            Dateline = DatelineParser.Find(blocks, today),
            Paragraphs = blocks,
            Text = text,
            Format = extracted.Format,
            Encoding = extracted.Encoding,
            Pages = extracted.Pages,
            Language = language.Language,
            Script = language.Script,
            LanguageConfidence = language.Confidence,
            LanguageDetectionTime = detectionTime,
            OriginalSha256 = Convert.ToHexStringLower(SHA256.HashData(original)),
            NormalizedSha256 = Sha256OfUtf8(TextNormalizer.Normalize(text)),
        };
    }

    /// <summary>SHA-256 of the UTF-8 form of a string, encoded in slices so a long text is not copied whole.</summary>
    static string Sha256OfUtf8(string text)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(8192)];
        for (int offset = 0; offset < text.Length; offset += 8192)
        {
            var slice = text.AsSpan(offset, Math.Min(8192, text.Length - offset));
            int written = encoder.GetBytes(slice, buffer, flush: offset + slice.Length >= text.Length);
            hash.AppendData(buffer, 0, written);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    DocumentRejectedException TooLarge(long size, bool atLeast = false) => new(
        RejectionReason.TooLarge,
        $"The file is {(atLeast ? "more than " : string.Empty)}{Megabytes(size)}; the limit is {Megabytes(limits.MaxOriginalBytes)}.");

    static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB");
}
