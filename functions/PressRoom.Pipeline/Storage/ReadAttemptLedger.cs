using Azure;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Counts reads of a release that started, on its <c>Releases</c> row (<c>ReadAttempts</c>), so a file that kills the
/// process while it is read is noticed on the next attempt instead of crash-looping. The count is raised with an ETag
/// (two workers cannot both read the same old value) and cleared when a read finishes either way.
/// </summary>
public sealed class ReadAttemptLedger(PressRoomStorage storage)
{
    public const string Property = nameof(ReleaseRow.ReadAttempts);

    /// <summary>Records one more started read and returns how many had started before it (0 for a first read).</summary>
    public async Task<int> StartAsync(string releaseId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(releaseId);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var current = await storage.ReleasesTable.GetEntityIfExistsAsync<ReleaseRow>(partition, row, [Property], cancellationToken);
                if (!current.HasValue || current.Value is null)
                {
                    return 0; // no row (never claimed, or purged): nothing to count on
                }

                int before = current.Value.ReadAttempts ?? 0;
                var update = new ReleaseRow { PartitionKey = partition, RowKey = row, ReadAttempts = before + 1 };
                await storage.ReleasesTable.UpdateEntityAsync(update, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return before;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // Another writer changed the row in between; read again.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return 0;
            }
        }
    }

    /// <summary>Clears the count: the read finished (or was parked), and a later restart starts from zero.</summary>
    public async Task ClearAsync(string releaseId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(releaseId);
        try
        {
            await storage.ReleasesTable.UpdateEntityAsync(new ReleaseRow { PartitionKey = partition, RowKey = row, ReadAttempts = 0 }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No row, nothing to clear.
        }
    }

    /// <summary>The same keys as <see cref="ReleaseProgress"/> uses for the release row.</summary>
    static (string Partition, string Row) Keys(string releaseId) =>
        (TableKeys.Sanitize(ReleaseIdentity.DocumentIdOf(releaseId)), TableKeys.Sanitize(releaseId));
}
