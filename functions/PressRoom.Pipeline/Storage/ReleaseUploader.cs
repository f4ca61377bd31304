using Azure.Storage.Blobs.Models;

namespace PressRoom.Pipeline.Storage;

/// <summary>Puts an original into the <c>releases</c> container, as comms staff do. A new upload under an existing name is a new version.</summary>
public sealed class ReleaseUploader(PressRoomStorage storage)
{
    /// <returns>The release id the upload will be processed as.</returns>
    public async Task<string> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var sha256 = await ReleaseIdentity.HashAsync(buffer, cancellationToken);
        buffer.Position = 0;
        await storage.ReleasesContainer.GetBlobClient(blobName).UploadAsync(buffer, new BlobUploadOptions(), cancellationToken);
        return ReleaseIdentity.ReleaseId(blobName, sha256);
    }
}
