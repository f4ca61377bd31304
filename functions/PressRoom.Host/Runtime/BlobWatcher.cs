using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The local stand-in for the Functions blob trigger: polls the <c>releases</c> container and offers every new or
/// changed blob version (ETag) to the pipeline once. Failures are retried on later polls; past the poison threshold
/// the blob is parked with its reason. Receipts live in a table, so a restarted or second process agrees on them.
/// A blob with a receipt that is no longer listed was deleted: its release is withdrawn (once; see ReleaseLifecycle).
/// </summary>
public sealed class BlobWatcher(
    PressRoomStorage storage,
    BlobReceiptStore receipts,
    ReleaseIntake intake,
    ReleaseLifecycle lifecycle,
    DurableTaskClient client,
    IOptions<LocalRuntimeOptions> options,
    ReleaseBlobLister lister,
    ILogger<BlobWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var known = await receipts.LoadAllAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.WatchInterval);
        do
        {
            try
            {
                await ScanAsync(known, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage hiccups (Azurite restarting, network) must not stop the watcher.
                logger.LogWarning(ex, "Blob scan failed; retrying on the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    async Task ScanAsync(Dictionary<string, BlobReceipt> known, CancellationToken cancellationToken)
    {
        var pending = new List<(string Name, string ETag)>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var listing = await lister.ListAsync(storage.ReleasesContainer, cancellationToken);
        foreach (var (name, etag) in listing.Blobs)
        {
            listed.Add(name);
            if (known.TryGetValue(name, out var receipt) && receipt.ETag == etag)
            {
                continue;
            }

            pending.Add((name, etag));
        }

        await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            var receipt = await OfferAsync(blob.Name, blob.ETag, ct);
            lock (known)
            {
                known[blob.Name] = receipt;
            }
        });

        // Only after a complete listing: a receipt whose blob is not listed belongs to a deleted blob.
        if (!listing.Complete)
        {
            return;
        }

        foreach (var name in known.Keys.Where(n => !listed.Contains(n)).ToList())
        {
            await WithdrawAsync(name, cancellationToken);
            known.Remove(name);
        }
    }

    async Task WithdrawAsync(string name, CancellationToken cancellationToken)
    {
        // The receipt goes last, so a crash in between repeats the (idempotent) withdrawal on the next poll.
        var withdrawn = await lifecycle.WithdrawAsync(name, cancellationToken);
        await receipts.DeleteAsync(name, cancellationToken);
        logger.LogInformation("Blob {BlobName} was deleted: {Count} release(s) withdrawn", BlobNameRules.Printable(name), withdrawn.Count);
    }

    async Task<BlobReceipt> OfferAsync(string name, string etag, CancellationToken cancellationToken)
    {
        // Another process may have taken this version in already.
        var stored = await receipts.GetAsync(name, cancellationToken);
        if (stored is not null && stored.ETag == etag)
        {
            return stored;
        }

        var attempts = stored is not null && stored.ETag == null ? stored.Attempts : 0;
        try
        {
            var result = await intake.OfferAsync(client, name, "watcher", cancellationToken, version: etag);
            var receipt = new BlobReceipt(name, etag, result.ReleaseId, 0, null, false);
            await receipts.SaveAsync(receipt, cancellationToken);
            return receipt;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            attempts++;
            var parked = attempts >= options.Value.PoisonThreshold;
            logger.LogWarning(ex, "Offering blob {BlobName} failed (attempt {Attempt}); parked: {Parked}", BlobNameRules.Printable(name), attempts, parked);

            // Until parked, the receipt has no ETag so the next poll tries again.
            var receipt = new BlobReceipt(name, parked ? etag : null, null, attempts, ex.Message, parked);
            await receipts.SaveAsync(receipt, cancellationToken);
            return receipt;
        }
    }
}
