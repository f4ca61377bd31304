namespace PressRoom.Host.Runtime;

/// <summary>
/// Names the orchestration session a failed work-item fetch leaves behind, so it can be released.
/// DTFx's Azure Storage backend (2.11) takes a session, abandons the batch's out-of-order messages and only then builds
/// the work item. When that abandon fails (storage restarting, a stale pop receipt), it logs OrchestrationProcessingFailure
/// with the instance id and rethrows without releasing the session. The instance then counts as in process until the
/// worker restarts: its messages come back as duplicates and it never runs again (FaultTests, after a storage restart).
/// That log event is the only place the instance id appears, so the backend's loggers are observed, and each fetch
/// gets its own async-local probe that the event fills in.
/// </summary>
public sealed class StrandedSessions
{
    const string FailureEvent = "OrchestrationProcessingFailure";

    readonly AsyncLocal<FetchProbe?> current = new();

    /// <summary>The factory to give the backend (<c>AzureStorageOrchestrationServiceSettings.LoggerFactory</c>).</summary>
    public ILoggerFactory Observe(ILoggerFactory factory) => new ObservingLoggerFactory(factory, this);

    /// <summary>
    /// Starts watching the fetch that the calling async method makes next. Call it inside that method: the probe
    /// flows into the fetch and is gone when the method returns.
    /// </summary>
    public FetchProbe Watch() => current.Value = new FetchProbe();

    void OnLog<TState>(EventId eventId, TState state)
    {
        if (eventId.Name == FailureEvent && current.Value is { } probe
            && state is IReadOnlyDictionary<string, object> fields && fields.TryGetValue("InstanceId", out var id) && id is string { Length: > 0 } instanceId)
        {
            probe.FailedInstanceId = instanceId;
        }
    }

    /// <summary>What one fetch reported.</summary>
    public sealed class FetchProbe
    {
        /// <summary>The instance whose session the fetch gave up on, if it logged one.</summary>
        public string? FailedInstanceId { get; internal set; }
    }

    sealed class ObservingLoggerFactory(ILoggerFactory inner, StrandedSessions sessions) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new ObservingLogger(inner.CreateLogger(categoryName), sessions);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        // The host owns the inner factory.
        public void Dispose()
        {
        }
    }

    sealed class ObservingLogger(ILogger inner, StrandedSessions sessions) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sessions.OnLog(eventId, state);
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
