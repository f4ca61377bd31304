using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Functions;

/// <summary>
/// Every minute: the backlog (Pending, Running) and unhandled-failure gauges from the task hub, so Application
/// Insights alerts on them in Azure as the local runtime's poller does locally. Several instances may run it; each
/// reports the same counts of the shared hub.
/// </summary>
public sealed class RefreshInstanceGauges(InstanceGauges gauges, ILogger<RefreshInstanceGauges> logger)
{
    public const string Schedule = "0 */1 * * * *";

    [Function(nameof(RefreshInstanceGauges))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reading = await InstanceGaugeRefresher.RefreshAsync(client, gauges, context.CancellationToken);
        logger.LogInformation("Instance gauges: {Pending} pending, {Running} running, {Unhandled} unhandled failures", reading.Pending, reading.Running, reading.UnhandledFailures);
    }
}
