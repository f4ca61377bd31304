using DurableTask.AzureStorage;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Host.Runtime;

/// <summary>The Durable Task Framework's Azure Storage backend as the local engine configures it, in one place.</summary>
public static class EngineSettings
{
    public static AzureStorageOrchestrationServiceSettings Create(string connectionString, LocalRuntimeOptions options, ILoggerFactory loggerFactory)
    {
        var engine = options.Engine;
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = options.TaskHub,
            WorkerId = WorkerIdentity.Current,
            PartitionCount = engine.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = engine.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = engine.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = engine.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = engine.ControlQueueVisibilityTimeout,
            MaxQueuePollingInterval = engine.MaxQueuePollingInterval,
            LeaseInterval = engine.LeaseInterval,
            LeaseRenewInterval = engine.LeaseRenewInterval,
            LeaseAcquireInterval = engine.LeaseAcquireInterval,
            UseTablePartitionManagement = true,

            // The default 2 s is too tight for Azurite on a busy machine; a timeout there costs a lease cycle.
            PartitionTableOperationTimeout = TimeSpan.FromSeconds(15),
            UseInstanceTableEtag = true,
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,

            // Only DTFx's own dispatcher keeps a session open between episodes; behind the gRPC sidecar it would be released
            // after every episode anyway (docs/benchmarks.md, "Extended sessions").
            ExtendedSessionsEnabled = engine.Host == EngineHost.TaskHubWorker && engine.ExtendedSessions,
            ExtendedSessionIdleTimeout = engine.ExtendedSessionIdleTimeout,
        };
    }

    public static AzureStorageOrchestrationService CreateBackend(string connectionString, LocalRuntimeOptions options, ILoggerFactory loggerFactory) =>
        new(Create(connectionString, options, loggerFactory));
}
