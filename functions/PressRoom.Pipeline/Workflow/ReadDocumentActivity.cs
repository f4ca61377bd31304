using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Workflow;

/// <summary>
/// Reads the original blob into a <see cref="ReleaseDocument"/> and stores it as <c>document.json</c>. Never modifies the original.
/// A release is one content version, but the blob is read by name: when the name holds other content by now (the file
/// was uploaded again before this version was read), this version ends as <see cref="RejectionReason.Overwritten"/>
/// instead of being processed with content that is not its own. The new content has a release of its own.
/// </summary>
public sealed class ReadDocumentActivity(
    PressRoomStorage storage,
    ReleaseArtifacts artifacts,
    IDocumentReader reader,
    ReleaseProgress progress,
    ILogger<ReadDocumentActivity> logger) : PipelineActivity<ReleaseInput, DocumentSummary>
{
    public override async Task<DocumentSummary> ExecuteAsync(ReleaseInput input, CancellationToken cancellationToken)
    {
        await progress.MarkAsync(input.ReleaseId, TaskNames.ReadDocument, cancellationToken);
        var blob = storage.ReleasesContainer.GetBlobClient(input.BlobName);
        ReleaseDocument document;
        try
        {
            await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
            document = await reader.ReadAsync(content, input.BlobName, cancellationToken);
        }
        catch (DocumentRejectedException ex)
        {
            // A rejection is only this version's if the bytes rejected were this version's.
            if (!await StillHoldsThisVersionAsync(blob, input, cancellationToken))
            {
                return Overwritten(input, foundSha256: null);
            }

            logger.LogWarning("Release {ReleaseId} rejected: {ReasonCode} {Reason}", input.ReleaseId, ex.Reason, ex.Message);
            return DocumentSummary.Rejection(ex.Reason.ToString(), ex.Message);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The blob went away between the event and now: nothing to read, nothing lost.
            return DocumentSummary.Rejection(RejectionReason.Empty.ToString(), "The uploaded file no longer exists.");
        }

        if (!IsThisVersion(input, document.OriginalSha256))
        {
            return Overwritten(input, document.OriginalSha256);
        }

        await artifacts.WriteJsonAsync(input.ReleaseId, ReleaseArtifacts.DocumentFile, document, cancellationToken);
        logger.LogInformation("Release {ReleaseId} read: {Format}, {Characters} characters", input.ReleaseId, document.Format, document.CharacterCount);
        return new DocumentSummary
        {
            Title = document.Title,
            Format = document.Format,
            Characters = document.CharacterCount,
            Paragraphs = document.Paragraphs.Count,
            DatelineDate = document.Dateline?.Date,
            Language = document.Detection,
            DetectLanguageMilliseconds = document.LanguageDetectionTime.TotalMilliseconds,
        };
    }

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
