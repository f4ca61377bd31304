using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Host.Runtime;

/// <summary>
/// The runtime's console log: one line per entry (<c>HH:mm:ss.fff info: Category[event] message</c>), with every
/// control and bidi character of the message and exception escaped, so a file name or reason cannot rewrite the
/// terminal or forge log lines.
/// </summary>
public sealed class EscapingConsoleFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "pressroom";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder(128);
        line.Append(DateTimeOffset.Now.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture))
            .Append(Level(logEntry.LogLevel)).Append(": ")
            .Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id).Append("] ");
        LogText.Append(line, message ?? string.Empty);
        if (logEntry.Exception is { } exception)
        {
            line.Append(' ');
            LogText.Append(line, exception.ToString());
        }

        textWriter.WriteLine(line.ToString());
    }

    static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
