using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Maintenance;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The local runtime's scheduled history purge: every <c>PressRoom:HistoryPurgeInterval</c> it runs
/// <see cref="HistoryPurge"/>. Several processes on one task hub may all purge; a purge is idempotent.
/// </summary>
public sealed class HistoryPurgeService(HistoryPurge purge, DurableTaskClient client, IOptions<HistoryRetentionOptions> options, ILogger<HistoryPurgeService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // First run after one interval: a starting runtime has more urgent work than old histories.
        using var timer = new PeriodicTimer(options.Value.HistoryPurgeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PurgeOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    async Task PurgeOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await purge.PurgeFinishedAsync(client, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Storage unavailable or busy: histories wait for the next run; the runtime keeps going.
            logger.LogWarning(ex, "The scheduled history purge failed; it runs again in {HistoryPurgeInterval}", options.Value.HistoryPurgeInterval);
        }
    }
}
