using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Functions;

/// <summary>PressRoom's spans and metrics to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (the Bicep sets it).</summary>
public static class FunctionsTelemetry
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddPressRoomTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration[ConnectionSetting];
        if (string.IsNullOrEmpty(connection))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(PressRoomTelemetry.SourceName).AddAzureMonitorTraceExporter(o => o.ConnectionString = connection))
            .WithMetrics(metrics => metrics.AddMeter(PressRoomTelemetry.MeterName).AddAzureMonitorMetricExporter(o => o.ConnectionString = connection));
        return services;
    }
}
