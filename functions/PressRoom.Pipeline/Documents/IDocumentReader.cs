namespace PressRoom.Pipeline.Documents;

/// <summary>Turns the bytes of an uploaded release into a <see cref="ReleaseDocument"/>.</summary>
public interface IDocumentReader
{
    /// <exception cref="DocumentRejectedException">The input cannot be read; the reason says why.</exception>
    Task<ReleaseDocument> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken);
}
