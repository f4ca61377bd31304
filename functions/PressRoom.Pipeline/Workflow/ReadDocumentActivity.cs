using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// Reads the original blob into a <see cref="ReleaseDocument"/> and stores it as <c>document.json</c>. Never modifies the original.
/// Then runs the ExtractEntities stage on the source text (one activity call less per release); <c>document.json</c> is
/// stored first, so a retry after a failed extraction reuses it instead of reading the original again.
/// A release is one content version, but the blob is read by name: when the name holds other content by now (the file
/// was uploaded again before this version was read), this version ends as <see cref="RejectionReason.Overwritten"/>
/// instead of being processed with content that is not its own. The new content has a release of its own.
/// </summary>
public sealed class ReadDocumentActivity(
    PressRoomStorage storage,
    ReleaseArtifacts artifacts,
    IDocumentReader reader,
    EntityExtractionStep extraction,
    ReadAttemptLedger attempts,
    ReadWatchdog watchdog,
    IOptions<DocumentLimits> limits,
    ILogger<ReadDocumentActivity> logger) : PipelineActivity<ReleaseInput, DocumentSummary>
{
    public override async Task<DocumentSummary> ExecuteAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        var (summary, document) = await ReadOnceAsync(input, cancellationToken);
        var read = new StageTiming(TaskNames.ReadDocument, start, DateTime.UtcNow);
        if (summary.Rejected || document is null)
        {
            return summary with { Stages = [read] };
        }

        // Staff see ExtractEntities as the stage now (the read's last write marked it); the orchestration's own status
        // says ReadDocument until the activity ends.
        var language = summary.Language?.Language ?? "und";

        // Only the text goes on: the paragraphs (a second copy of it) are let go before the extraction, the stage that
        // needs the most memory. The source text is stored here, where it is in memory anyway, so the save does not
        // read it back from document.json (a large release: tens of megabytes held twice).
        var text = document.Text;
        var referenceDate = document.Dateline?.Date;
        document = null;
        await artifacts.WriteTextAsync(input.ReleaseId, ReleaseArtifacts.TextFile("source"), text, cancellationToken);

        var (entities, extracted) = await extraction.RunInsideAsync(input.ReleaseId, text, language, referenceDate, cancellationToken);
        return summary with { Entities = entities, Stages = [read, extracted], SourceTextStored = true };
    }

    /// <summary>The document of this content version: the one an earlier attempt stored, or a fresh read.</summary>
    async Task<(DocumentSummary Summary, ReleaseDocument? Document)> ReadOnceAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        // A name the storage SDK would rewrite cannot be opened as itself: the release is recorded, not read.
        if (BlobNameRules.Check(input.BlobName) is { IsValid: false } badName)
        {
            logger.LogWarning("Release {ReleaseId} rejected: blob name {BlobName} is invalid: {Problem}", input.ReleaseId, BlobNameRules.Printable(input.BlobName), badName.Problem);
            return (DocumentSummary.Rejection(RejectionReason.InvalidName.ToString(), badName.Problem!), null);
        }

        // One conditional write marks the stage and counts the read that starts (see ReadAttemptLedger).
        var started = await attempts.StartAsync(input.ReleaseId, TaskNames.ReadDocument, cancellationToken);

        // document.json is written only after a complete read of exactly this content (its hash is checked), so an
        // earlier attempt's copy is as good as reading again. A release no attempt got to a stage has none to look for.
        if (started.StartedBefore
            && await artifacts.TryReadJsonAsync<ReleaseDocument>(input.ReleaseId, ReleaseArtifacts.DocumentFile, cancellationToken) is { } stored
            && IsThisVersion(input, stored.OriginalSha256))
        {
            logger.LogInformation("Release {ReleaseId}: reusing the document an earlier attempt read", input.ReleaseId);
            await ClearAttemptsAsync(input.ReleaseId, TaskNames.ExtractEntities);
            return (Summarize(stored), stored);
        }

        // Reads that started and never finished mean the file took the process down (or it was killed) each time.
        if (started.Unfinished >= limits.Value.MaxReadAttempts)
        {
            await attempts.ClearAsync(input.ReleaseId, nextStage: null, cancellationToken);
            logger.LogError("Release {ReleaseId} parked: {Attempts} reads of {BlobName} started and none finished", input.ReleaseId, started.Unfinished, input.BlobName);
            throw new PoisonReleaseException(
                $"Reading this file was started {started.Unfinished} times and never finished (the worker stopped each time); it was set aside. An admin can restart it.");
        }

        (DocumentSummary Summary, ReleaseDocument? Document) result = default;
        try
        {
            result = await ReadWithinLimitsAsync(input, cancellationToken);
            return result;
        }
        finally
        {
            // Any end the process lives through (result, rejection, exception, shutdown) is a finished read; a document
            // read goes on to the extraction, marked in the same write.
            await ClearAttemptsAsync(input.ReleaseId, result is { Document: not null, Summary.Rejected: false } ? TaskNames.ExtractEntities : null);
        }
    }

    async Task ClearAttemptsAsync(string releaseId, string? nextStage)
    {
        try
        {
            await attempts.ClearAsync(releaseId, nextStage, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or TimeoutException)
        {
            // The count stays one higher; MaxReadAttempts leaves room for that.
            logger.LogWarning(ex, "Could not clear the read attempts of release {ReleaseId}", releaseId);
        }
    }

    /// <summary>
    /// One read, stopped by the time limit (a rejection), by the host's token, or when the orchestration is terminated
    /// (then the cancellation propagates: nobody waits for the result).
    /// </summary>
    async Task<(DocumentSummary Summary, ReleaseDocument? Document)> ReadWithinLimitsAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        var maxReadTime = limits.Value.MaxReadTime;
        using var timeout = new CancellationTokenSource(maxReadTime);
        using var read = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await using (watchdog.Watch(ReleaseIdentity.InstanceId(input.ReleaseId), read))
        {
            try
            {
                return await ReadAsync(input, read.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Release {ReleaseId} rejected: reading {BlobName} took longer than {MaxReadTime}", input.ReleaseId, input.BlobName, maxReadTime);
                return (DocumentSummary.Rejection(
                    RejectionReason.LimitExceeded.ToString(),
                    $"Reading the file took longer than {maxReadTime.TotalSeconds:0.#} seconds, the most PressRoom spends on one release."), null);
            }
        }
    }

    async Task<(DocumentSummary Summary, ReleaseDocument? Document)> ReadAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        var blob = storage.ReleasesContainer.GetBlobClient(input.BlobName);
        ReleaseDocument document;
        try
        {
            // One streamed GET (OpenRead would add a properties call); the length comes with the response.
            using var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            await using var content = download.Content;
            document = await reader.ReadAsync(content, download.Details.ContentLength, input.BlobName, cancellationToken);
        }
        catch (DocumentRejectedException ex)
        {
            // A rejection is only this version's if the bytes rejected were this version's.
            if (!await StillHoldsThisVersionAsync(blob, input, cancellationToken))
            {
                return (Overwritten(input, foundSha256: null), null);
            }

            logger.LogWarning("Release {ReleaseId} rejected: {ReasonCode} {Reason}", input.ReleaseId, ex.Reason, ex.Message);
            return (DocumentSummary.Rejection(ex.Reason.ToString(), ex.Message), null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The blob went away between the event and now: nothing to read, nothing lost.
            return (DocumentSummary.Rejection(RejectionReason.Empty.ToString(), "The uploaded file no longer exists."), null);
        }

        if (!IsThisVersion(input, document.OriginalSha256))
        {
            return (Overwritten(input, document.OriginalSha256), null);
        }

        await artifacts.WriteJsonAsync(input.ReleaseId, ReleaseArtifacts.DocumentFile, document, cancellationToken);
        logger.LogInformation("Release {ReleaseId} read: {Format}, {Characters} characters", input.ReleaseId, document.Format, document.CharacterCount);
        return (Summarize(document), document);
    }

    static DocumentSummary Summarize(ReleaseDocument document) =>
        new()
        {
            Title = document.Title,
            Format = document.Format,
            Characters = document.CharacterCount,
            Paragraphs = document.Paragraphs.Count,
            DatelineDate = document.Dateline?.Date,
            Language = document.Detection,
            DetectLanguageMilliseconds = document.LanguageDetectionTime.TotalMilliseconds,
        };

    DocumentSummary Overwritten(ReleaseInput input, string? foundSha256)
    {
        logger.LogInformation(
            "Release {ReleaseId} ends unread: blob {BlobName} was overwritten (expected content {ExpectedSha256}, found {FoundSha256})",
            input.ReleaseId, input.BlobName, input.ContentSha256, foundSha256 ?? "other content");
        return DocumentSummary.Rejection(RejectionReason.Overwritten.ToString(), RejectionMessages.For(RejectionReason.Overwritten));
    }

    /// <summary>
    /// Reads the blob again after a rejection: the reader may stop before the end (size limit, broken structure), so
    /// the hash of what it rejected is not at hand. Rejections are rare, so the second read costs little.
    /// </summary>
    static async Task<bool> StillHoldsThisVersionAsync(BlobClient blob, ReleaseInput input, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);

            // Another length is other content; only an equal length needs hashing.
            return content.Length == input.Size && IsThisVersion(input, await ReleaseIdentity.HashAsync(content, cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted since: the rejection stands, and the deletion withdraws the release.
            return true;
        }
    }

    static bool IsThisVersion(ReleaseInput input, string sha256) =>
        string.Equals(sha256, input.ContentSha256, StringComparison.OrdinalIgnoreCase);
}
