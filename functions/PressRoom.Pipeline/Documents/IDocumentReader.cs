namespace PressRoom.Pipeline.Documents;

/// <summary>Turns the bytes of an uploaded release into a <see cref="ReleaseDocument"/>.</summary>
public interface IDocumentReader
{
    /// <exception cref="DocumentRejectedException">The input cannot be read; the reason says why.</exception>
    Task<ReleaseDocument> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken);

    /// <summary>Reads a stream whose length is known without seeking (a blob download), so an oversized one is rejected unread.</summary>
    /// <param name="contentLength">The bytes the stream will hold, when known.</param>
    /// <exception cref="DocumentRejectedException">The input cannot be read; the reason says why.</exception>
    Task<ReleaseDocument> ReadAsync(Stream content, long? contentLength, string fileName, CancellationToken cancellationToken);
}
