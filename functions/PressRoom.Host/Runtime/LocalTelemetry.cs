using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Host.Runtime;

/// <summary>
/// OpenTelemetry for the local host, off unless configured: <c>Telemetry:Console=true</c> writes spans and metrics to
/// the console; <c>Telemetry:OtlpEndpoint</c> (or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) sends them to a collector.
/// The backlog and unhandled-failure gauges are refreshed by <see cref="InstanceGaugePoller"/>.
/// </summary>
public static class LocalTelemetry
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        services.AddHostedService<InstanceGaugePoller>();
        var otlp = options.OtlpEndpoint ?? (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null);
        if (!options.Console && otlp is null)
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("pressroom-local"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PressRoomTelemetry.SourceName);
                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }

                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PressRoomTelemetry.MeterName);
                if (options.Console)
                {
                    metrics.AddConsoleExporter((ConsoleExporterOptions _, MetricReaderOptions reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 30_000);
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
    }
}
