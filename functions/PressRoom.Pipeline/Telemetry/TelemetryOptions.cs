namespace PressRoom.Pipeline.Telemetry;

/// <summary><c>Telemetry:*</c> settings of the local host. In Azure, Application Insights comes from <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Write spans and metrics to the console (stderr-friendly, for debugging).</summary>
    public bool Console { get; set; }

    /// <summary>OTLP collector endpoint (e.g. http://127.0.0.1:4317); also read from <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>How often the backlog and unhandled-failure gauges are refreshed.</summary>
    public TimeSpan GaugeInterval { get; set; } = TimeSpan.FromSeconds(30);
}
