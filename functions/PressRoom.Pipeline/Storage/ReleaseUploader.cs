using Azure.Storage;
using Azure.Storage.Blobs.Models;

namespace PressRoom.Pipeline.Storage;

/// <summary>Puts an original into the <c>releases</c> container, as comms staff do. A new upload under an existing name is a new version.</summary>
public sealed class ReleaseUploader(PressRoomStorage storage)
{
    /// <summary>
    /// Blocks of 4 MiB, two in flight: an upload holds about 8 MiB however large it is, instead of the whole file
    /// (30 concurrent 20 MiB uploads once took the runtime to 1.8 GB). A body that fails or exceeds its limit mid-way
    /// leaves only uncommitted blocks, which storage discards; the blob under that name is unchanged.
    /// </summary>
    static readonly StorageTransferOptions Transfer = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 2,
    };

    /// <returns>The release id the upload will be processed as.</returns>
    public Task<string> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken) =>
        UploadAsync(blobName, new UploadStream(content, long.MaxValue), cancellationToken);

    /// <summary>Streams <paramref name="content"/> to the blob, hashing on the way; throws <see cref="UploadTooLargeException"/> past its limit.</summary>
    /// <returns>The release id the upload will be processed as.</returns>
    public async Task<string> UploadAsync(string blobName, UploadStream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        ArgumentNullException.ThrowIfNull(content);
        if (BlobNameRules.Check(blobName) is { IsValid: false } bad)
        {
            throw new ArgumentException(bad.Problem, nameof(blobName));
        }

        await storage.ReleasesContainer.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions { TransferOptions = Transfer }, cancellationToken);
        return ReleaseIdentity.ReleaseId(blobName, content.Sha256());
    }
}
