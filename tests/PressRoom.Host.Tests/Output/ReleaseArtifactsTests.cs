using System.Text;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>Text blobs are encoded block by block on real Azurite: exact UTF-8 without a BOM, whether one request or many blocks.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReleaseArtifactsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(10)]
    [InlineData(2_900_000)] // Arabic letters are two UTF-8 bytes: about 5.5 MiB, so two 4 MiB blocks
    public async Task Text_is_stored_as_exact_utf8_without_a_bom(int letters)
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var artifacts = new ReleaseArtifacts(storage);
        var releaseId = $"artifacts-{Guid.NewGuid():N}";
        var text = string.Concat(Enumerable.Repeat("بيان", letters / 4 + 1))[..letters] + "\n end ✓ " + releaseId;

        await artifacts.WriteTextAsync(releaseId, ReleaseArtifacts.TextFile("source"), text, CancellationToken.None);

        var blob = storage.ProcessedContainer.GetBlobClient(ReleaseArtifacts.PathOf(releaseId, ReleaseArtifacts.TextFile("source")));
        var stored = (await blob.DownloadContentAsync()).Value;
        Assert.Equal(Encoding.UTF8.GetBytes(text), stored.Content.ToArray());
        Assert.Equal("text/plain; charset=utf-8", stored.Details.ContentType);
        Assert.Equal(text, await artifacts.TryReadTextAsync(releaseId, ReleaseArtifacts.TextFile("source"), CancellationToken.None));
    }
}
