using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PressRoom.Tests.Infrastructure;

/// <summary>Collects what an in-process runtime logs (level, category, message, exception), to assert on the log itself.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), exception));
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception);
