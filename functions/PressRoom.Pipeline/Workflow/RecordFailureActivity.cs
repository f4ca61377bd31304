using PressRoom.Pipeline.Telemetry;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Workflow;

/// <summary>Records a release that failed after retries: a <c>Failed</c> row with the reason and one <c>failed</c> event. The original stays replayable.</summary>
public sealed class RecordFailureActivity(
    ReleaseLifecycle lifecycle,
    ILogger<RecordFailureActivity> logger) : PipelineActivity<FailureInput, ReleaseOutcome>
{
    public override async Task<ReleaseOutcome> ExecuteAsync(FailureInput input, CancellationToken cancellationToken)
    {
        var release = input.Release;
        var record = ReleaseRecord.For(release, ReleaseStatus.Failed) with
        {
            ReasonCode = input.ReasonCode,
            Reason = $"{input.Stage}: {input.Message}",
            Timings = input.Timings,
        };
        await lifecycle.RecordOutcomeAsync(record, cancellationToken);
        logger.LogError("Release {ReleaseId} failed in {Stage}: {ReasonCode} {Reason}", release.ReleaseId, input.Stage, input.ReasonCode, input.Message);
        var outcome = new ReleaseOutcome(release.ReleaseId, ReleaseStatus.Failed, input.ReasonCode, input.Message);
        PressRoomTelemetry.RecordEnd(release, outcome, input.Timings, input.Timings.FirstOrDefault()?.Start, DateTime.UtcNow, [], input.Stage);
        return outcome;
    }
}
