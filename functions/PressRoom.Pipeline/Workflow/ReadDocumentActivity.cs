using Azure;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Workflow;

/// <summary>Reads the original blob into a <see cref="ReleaseDocument"/> and stores it as <c>document.json</c>. Never modifies the original.</summary>
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
            logger.LogWarning("Release {ReleaseId} rejected: {ReasonCode} {Reason}", input.ReleaseId, ex.Reason, ex.Message);
            return DocumentSummary.Rejection(ex.Reason.ToString(), ex.Message);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The blob went away between the event and now: nothing to read, nothing lost.
            return DocumentSummary.Rejection(RejectionReason.Empty.ToString(), "The uploaded file no longer exists.");
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
        };
    }
}
