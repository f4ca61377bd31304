namespace PressRoom.Pipeline.Storage;

/// <summary>Names of every container, table and queue PressRoom uses. Part of the output contract.</summary>
public static class StorageNames
{
    public const string ReleasesContainer = "releases";
    public const string ProcessedContainer = "processed";
    public const string QuarantineContainer = "quarantine";

    public const string ReleasesTable = "Releases";
    public const string ReleaseEntitiesTable = "ReleaseEntities";
    public const string EntityIndexTable = "EntityIndex";
    public const string BlobReceiptsTable = "BlobReceipts";

    public const string EventsQueue = "release-events";

    /// <summary>The configuration name of the storage connection (connection string or identity-based settings).</summary>
    public const string ConnectionName = "AzureWebJobsStorage";
}
