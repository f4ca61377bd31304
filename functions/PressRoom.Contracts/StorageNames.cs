namespace PressRoom.Contracts;

/// <summary>Names of every container, table and queue PressRoom uses. Part of the output contract.</summary>
public static class StorageNames
{
    public const string ReleasesContainer = "releases";
    public const string ProcessedContainer = "processed";
    public const string QuarantineContainer = "quarantine";

    public const string ReleasesTable = "Releases";
    public const string ReleaseEntitiesTable = "ReleaseEntities";

    /// <summary>
    /// "Every release that mentions X": partitioned by a shard of the entity key, so a release's index rows go out in a
    /// few batches (<see cref="TableKeys.EntityIndexPartition"/>). Replaced <see cref="LegacyEntityIndexTable"/>.
    /// </summary>
    public const string EntityIndexTable = "EntityIndexV2";

    /// <summary>The first index layout (one partition per entity key), no longer written; <c>pressroom migrate</c> copies it.</summary>
    public const string LegacyEntityIndexTable = "EntityIndex";

    public const string BlobReceiptsTable = "BlobReceipts";

    /// <summary>Time-ordered listing of releases: month bucket → newest first.</summary>
    public const string ReleasesByTimeTable = "ReleasesByTime";

    /// <summary>Normalized name tokens of entities, for search by Arabic or English name.</summary>
    public const string EntityNamesTable = "EntityNames";

    /// <summary>One row per release event: the claim that makes publishing once-only.</summary>
    public const string ReleaseEventLogTable = "ReleaseEventLog";

    public const string EventsQueue = "release-events";

    /// <summary>Event Grid <c>BlobDeleted</c> events for <c>releases/</c>, delivered to a storage queue (Azure).</summary>
    public const string DeletionsQueue = "release-deletions";

    /// <summary>The configuration name of the storage connection (connection string or identity-based settings).</summary>
    public const string ConnectionName = "AzureWebJobsStorage";
}
