using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// The one way a release enters the pipeline, whatever delivered it (blob trigger, watcher, HTTP upload):
/// hash the blob's current content, record it as received, and schedule its orchestration exactly once.
/// </summary>
public sealed class ReleaseIntake(PressRoomStorage storage, ReleaseScheduler scheduler, ReleaseLifecycle lifecycle, TimeProvider clock, ILogger<ReleaseIntake> logger)
{
    /// <param name="version">The blob's ETag when the caller knows it (the watcher); it tells versions of a badly named blob apart.</param>
    public async Task<ScheduleResult> OfferAsync(DurableTaskClient client, string blobName, string source, CancellationToken cancellationToken, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        string sha256;
        long size = 0;
        if (!BlobNameRules.IsValid(blobName))
        {
            // Not downloaded: the SDK would fetch another name (or none). The release is scheduled all the same, so it gets
            // a Rejected/InvalidName row and event instead of silence; its "content" id is the name and version.
            sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blobName + "\n" + version)));
        }
        else
        {
            var blob = storage.ReleasesContainer.GetBlobClient(blobName);

            // One streamed GET (OpenRead would add a properties call and ranged reads).
            using var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            await using var content = download.Content;
            size = download.Details.ContentLength;
            sha256 = await ReleaseIdentity.HashAsync(content, cancellationToken);
        }

        var input = scheduler.CreateInput(blobName, sha256, size, source, clock.GetUtcNow());
        using var span = PressRoomTelemetry.StartReleaseActivity("release.intake", input.ReleaseId, null, System.Diagnostics.ActivityKind.Consumer);
        span?.SetTag("pressroom.blob", blobName);
        span?.SetTag("pressroom.source", source);

        // The first delivery claims the release by inserting its row; later ones give it time to schedule first.
        var claimed = await lifecycle.TryClaimAsync(input, cancellationToken);
        var result = await scheduler.ScheduleAsync(client, input, claimed ? TimeSpan.Zero : ClaimGrace, cancellationToken);
        logger.LogInformation("Blob {BlobName} offered via {Source}: release {ReleaseId}, started {Started}", BlobNameRules.Printable(blobName), source, result.ReleaseId, result.Started);
        return result;
    }

    /// <summary>How long a repeated delivery waits for the claiming one to schedule, before scheduling itself (the claimer may have crashed).</summary>
    static readonly TimeSpan ClaimGrace = TimeSpan.FromSeconds(10);
}
