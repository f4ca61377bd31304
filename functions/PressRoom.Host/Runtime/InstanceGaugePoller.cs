using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Admin;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Host.Runtime;

/// <summary>Refreshes the backlog and unhandled-failure gauges from the durable backend on an interval.</summary>
public sealed class InstanceGaugePoller(DurableTaskClient client, InstanceGauges gauges, IOptions<TelemetryOptions> options, ILogger<InstanceGaugePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GaugeInterval);
        do
        {
            try
            {
                var pending = await CountAsync(OrchestrationRuntimeStatus.Pending, stoppingToken);
                var running = await CountAsync(OrchestrationRuntimeStatus.Running, stoppingToken);
                gauges.Update(pending, running, await AdminInstanceQueries.UnhandledFailuresAsync(client, stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refreshing the instance gauges failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    async Task<long> CountAsync(OrchestrationRuntimeStatus status, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [status], FetchInputsAndOutputs = false, PageSize = 500 }).WithCancellation(cancellationToken))
        {
            count++;
        }

        return count;
    }
}
