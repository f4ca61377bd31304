using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// The storage clients of one account. Built from a connection string (Azurite, local) or from
/// identity-based settings (<c>__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__clientId</c>) as in Azure.
/// </summary>
public sealed class PressRoomStorage
{
    public PressRoomStorage(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }

    public BlobContainerClient ReleasesContainer => Blobs.GetBlobContainerClient(StorageNames.ReleasesContainer);
    public BlobContainerClient ProcessedContainer => Blobs.GetBlobContainerClient(StorageNames.ProcessedContainer);
    public BlobContainerClient QuarantineContainer => Blobs.GetBlobContainerClient(StorageNames.QuarantineContainer);
    public TableClient ReleasesTable => Tables.GetTableClient(StorageNames.ReleasesTable);
    public TableClient EntitiesTable => Tables.GetTableClient(StorageNames.ReleaseEntitiesTable);
    public TableClient EntityIndexTable => Tables.GetTableClient(StorageNames.EntityIndexTable);
    public TableClient ReceiptsTable => Tables.GetTableClient(StorageNames.BlobReceiptsTable);
    public TableClient ReleasesByTimeTable => Tables.GetTableClient(StorageNames.ReleasesByTimeTable);
    public TableClient EntityNamesTable => Tables.GetTableClient(StorageNames.EntityNamesTable);
    public TableClient EventLogTable => Tables.GetTableClient(StorageNames.ReleaseEventLogTable);
    public QueueClient EventsQueue => Queues.GetQueueClient(StorageNames.EventsQueue);
    public QueueClient DeletionsQueue => Queues.GetQueueClient(StorageNames.DeletionsQueue);

    public static PressRoomStorage FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return new PressRoomStorage(
            new BlobServiceClient(connectionString),
            new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }),
            new TableServiceClient(connectionString));
    }

    /// <summary>Reads the <c>AzureWebJobsStorage</c> connection the way the Functions host does.</summary>
    public static PressRoomStorage FromConfiguration(IConfiguration configuration, string connectionName = StorageNames.ConnectionName)
    {
        var section = configuration.GetSection(connectionName);
        if (!string.IsNullOrEmpty(section.Value))
        {
            return FromConnectionString(section.Value);
        }

        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{connectionName}' to a connection string, or '{connectionName}__blobServiceUri', '__queueServiceUri' and '__tableServiceUri' for identity-based access.");
        }

        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new PressRoomStorage(
            new BlobServiceClient(new Uri(blobUri), credential),
            new QueueServiceClient(new Uri(queueUri), credential, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }),
            new TableServiceClient(new Uri(tableUri), credential));
    }

    /// <summary>Creates every container, table and queue; safe to call repeatedly and from several processes.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            ReleasesContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            ProcessedContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            QuarantineContainer.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            ReleasesTable.CreateIfNotExistsAsync(cancellationToken),
            EntitiesTable.CreateIfNotExistsAsync(cancellationToken),
            EntityIndexTable.CreateIfNotExistsAsync(cancellationToken),
            ReceiptsTable.CreateIfNotExistsAsync(cancellationToken),
            ReleasesByTimeTable.CreateIfNotExistsAsync(cancellationToken),
            EntityNamesTable.CreateIfNotExistsAsync(cancellationToken),
            EventLogTable.CreateIfNotExistsAsync(cancellationToken),
            EventsQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
            DeletionsQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
    }
}
