using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>
/// Uploads over real Azurite: a body that fits in one block is one Put Blob (no block list); a larger one goes up in
/// 4 MiB blocks; both store exactly the bytes sent and name the release by their hash; past the limit nothing is stored.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReleaseUploaderTests(AzuriteFixture azurite)
{
    const int MiB = 1024 * 1024;

    [Theory]
    [InlineData(10_000, 0)]
    [InlineData(4 * MiB - 1, 0)]
    [InlineData(4 * MiB, 1)]
    [InlineData(9 * MiB, 3)]
    public async Task The_stored_blob_holds_the_bytes_sent_in_one_request_or_in_blocks(int size, int blocks)
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var body = RandomNumberGenerator.GetBytes(size);
        var name = $"uploads/{Guid.NewGuid():N}.txt";

        var releaseId = await new ReleaseUploader(storage).UploadAsync(name, new UploadStream(new MemoryStream(body), limit: 20 * MiB), CancellationToken.None);

        var blob = storage.ReleasesContainer.GetBlobClient(name);
        var stored = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(SHA256.HashData(body), SHA256.HashData(stored));
        Assert.Equal(ReleaseIdentity.ReleaseId(name, Convert.ToHexStringLower(SHA256.HashData(body))), releaseId);
        var list = (await storage.ReleasesContainer.GetBlockBlobClient(name).GetBlockListAsync(BlockListTypes.Committed)).Value;
        Assert.Equal(blocks, list.CommittedBlocks.Count());
    }

    [Fact]
    public async Task A_body_past_the_limit_stores_nothing()
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var name = $"uploads/{Guid.NewGuid():N}.txt";

        await Assert.ThrowsAsync<UploadTooLargeException>(() =>
            new ReleaseUploader(storage).UploadAsync(name, new UploadStream(new MemoryStream(new byte[6 * MiB]), limit: 5 * MiB), CancellationToken.None));

        Assert.False((await storage.ReleasesContainer.GetBlobClient(name).ExistsAsync()).Value);
    }
}
