using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Maintenance;

namespace PressRoom.Functions;

/// <summary>
/// Hourly purge of finished orchestration histories older than <c>PressRoom:HistoryRetention</c> (see
/// <see cref="HistoryPurge"/>), so the task hub's tables stay bounded. Release results are not touched.
/// </summary>
public sealed class PurgeHistory(HistoryPurge purge)
{
    /// <summary>Minute 17 of every hour: off the top of the hour, where scheduled work piles up.</summary>
    public const string Schedule = "0 17 * * * *";

    [Function(nameof(PurgeHistory))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        purge.PurgeFinishedAsync(client, context.CancellationToken);
}
