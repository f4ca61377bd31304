namespace PressRoom.Host.Runtime;

/// <summary><c>PressRoom:*</c> settings of the local runtime.</summary>
public sealed class LocalRuntimeOptions
{
    public const string Section = "PressRoom";

    /// <summary>Local state (Azurite data, logs); git-ignored.</summary>
    public string DataDirectory { get; set; } = ".pressroom";

    /// <summary>Durable task hub name; processes sharing it share the work.</summary>
    public string TaskHub { get; set; } = "pressroom";

    /// <summary>HTTP API address; loopback only.</summary>
    public string Url { get; set; } = "http://127.0.0.1:7071";

    public int AzuriteBlobPort { get; set; } = 10000;
    public int AzuriteQueuePort { get; set; } = 10001;
    public int AzuriteTablePort { get; set; } = 10002;

    /// <summary>
    /// Keep the Azurite this runtime starts in memory: nothing survives a restart, but Azurite no longer rewrites its
    /// whole table database file every few seconds, which dominates its CPU once tables hold tens of megabytes
    /// (benchmarks of the engine, demos). Off by default, because the local runtime promises durable state.
    /// </summary>
    public bool AzuriteInMemory { get; set; }

    /// <summary>
    /// Have the Azurite this runtime starts write its access log, and count the requests in it (<c>pressroom bench</c>
    /// reports storage requests per release). Off by default: the log costs Azurite CPU.
    /// </summary>
    public bool CountAzuriteRequests { get; set; }

    /// <summary>
    /// Also run the benchmark's no-op tasks (<c>PressRoom:BenchTasks</c>). Set only by <c>pressroom bench</c> for the
    /// runtimes it starts; a production worker never registers them.
    /// </summary>
    public bool BenchTasks { get; set; }

    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Offers of one blob version that may fail before it is parked (the blob trigger's poison threshold).</summary>
    public int PoisonThreshold { get; set; } = 5;

    public DurableEngineOptions Engine { get; set; } = new();
}

/// <summary>Settings of the Durable Task Framework's Azure Storage backend, tuned for one machine.</summary>
public sealed class DurableEngineOptions
{
    /// <summary>What runs the orchestrations and activities on the backend (<c>PressRoom:Engine:Host</c>).</summary>
    public EngineHost Host { get; set; } = EngineHost.TaskHubWorker;

    /// <summary>
    /// Keep an orchestration's history and running orchestrator in memory between its episodes, so an episode after the
    /// first neither reloads the history table nor replays (<see cref="EngineHost.TaskHubWorker"/> only: the gRPC
    /// sidecar's dispatcher ends every session after one episode).
    /// </summary>
    public bool ExtendedSessions { get; set; } = true;

    /// <summary>How long an idle orchestration stays in its session waiting for its next messages.</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Control-queue partitions of the task hub. Set it only for a new task hub: DTFx routes an instance's messages by a
    /// hash of its id modulo this count, so changing it for an existing hub strands the messages already queued.
    /// </summary>
    public int PartitionCount { get; set; } = 4;
    public int MaxConcurrentActivities { get; set; } = 16;
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>How long a dequeued message stays invisible; after a crash, work resumes after this.</summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(20);
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>The dispatcher that runs work items from the Azure Storage backend.</summary>
public enum EngineHost
{
    /// <summary>DTFx's own <c>TaskHubWorker</c> in this process (extended sessions, its own activity lock renewal).</summary>
    TaskHubWorker,

    /// <summary>The Durable Task SDK's gRPC task hub server with the SDK's gRPC worker (the host before issue 17).</summary>
    GrpcSidecar,
}
