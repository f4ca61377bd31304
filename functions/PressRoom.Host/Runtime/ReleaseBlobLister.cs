using Azure.Storage.Blobs;

namespace PressRoom.Host.Runtime;

/// <summary>A listing of the releases container: the blobs seen and whether every page could be read.</summary>
public sealed record BlobListing(IReadOnlyList<(string Name, string ETag)> Blobs, bool Complete, string? StoppedAfter);

/// <summary>
/// Lists the releases container page by page so that one page that cannot be listed does not hide the others.
/// Azurite answers 500 with an empty body for a page that holds a name with a noncharacter (U+FFFE) — Azure encodes
/// such names instead — so a failing page is listed again one blob at a time from the same marker: every blob before
/// the unlistable one is still offered, and the listing reports itself incomplete, so nothing is taken as deleted.
/// </summary>
public sealed class ReleaseBlobLister(ILogger<ReleaseBlobLister> logger)
{
    const int PageSize = 500;

    public async Task<BlobListing> ListAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var blobs = new List<(string Name, string ETag)>();
        string? marker = null;
        while (true)
        {
            Azure.Page<Azure.Storage.Blobs.Models.BlobItem>? page;
            try
            {
                page = await PageAsync(container, marker, PageSize, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Listing the releases container failed after {Marker}; listing that page one blob at a time", Printable(marker));
                return await SingleStepsAsync(container, marker, blobs, cancellationToken);
            }

            Add(page, blobs);
            marker = page?.ContinuationToken;
            if (string.IsNullOrEmpty(marker))
            {
                return new BlobListing(blobs, Complete: true, StoppedAfter: null);
            }
        }
    }

    async Task<BlobListing> SingleStepsAsync(BlobContainerClient container, string? marker, List<(string Name, string ETag)> blobs, CancellationToken cancellationToken)
    {
        for (int step = 0; step < PageSize; step++)
        {
            Azure.Page<Azure.Storage.Blobs.Models.BlobItem>? page;
            try
            {
                page = await PageAsync(container, marker, 1, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var after = blobs.Count > 0 ? blobs[^1].Name : null;
                logger.LogError(
                    "The blob listed after {LastListed} cannot be listed ({Error}); blobs before it are processed, blobs after it wait until it is renamed or deleted, and no deletion is inferred",
                    Printable(after) ?? "the start of the container", ex.Message);
                return new BlobListing(blobs, Complete: false, StoppedAfter: after);
            }

            Add(page, blobs);
            marker = page?.ContinuationToken;
            if (string.IsNullOrEmpty(marker))
            {
                return new BlobListing(blobs, Complete: true, StoppedAfter: null); // the failure was passing
            }
        }

        // The failing page listed one blob at a time without failing: it was a hiccup; the next poll lists the rest.
        return new BlobListing(blobs, Complete: false, StoppedAfter: blobs.Count > 0 ? blobs[^1].Name : null);
    }

    static async Task<Azure.Page<Azure.Storage.Blobs.Models.BlobItem>?> PageAsync(BlobContainerClient container, string? marker, int size, CancellationToken cancellationToken)
    {
        await foreach (var page in container.GetBlobsAsync(cancellationToken: cancellationToken).AsPages(marker, size))
        {
            return page;
        }

        return null;
    }

    static void Add(Azure.Page<Azure.Storage.Blobs.Models.BlobItem>? page, List<(string Name, string ETag)> blobs)
    {
        foreach (var blob in page?.Values ?? [])
        {
            blobs.Add((blob.Name, blob.Properties.ETag?.ToString() ?? string.Empty));
        }
    }

    static string? Printable(string? name) => name is null ? null : Pipeline.Storage.BlobNameRules.Printable(name);
}
