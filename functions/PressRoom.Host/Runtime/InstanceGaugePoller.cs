using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
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
                await InstanceGaugeRefresher.RefreshAsync(client, gauges, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Refreshing the instance gauges failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
