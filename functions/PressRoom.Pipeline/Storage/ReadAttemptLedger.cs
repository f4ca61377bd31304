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

    /// <summary>
    /// Records one more started read, and marks <paramref name="stage"/> as the release's stage in the same write (the
    /// row is written anyway, so the mark costs no request of its own).
    /// </summary>
    public async Task<ReadStart> StartAsync(string releaseId, string? stage, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(releaseId);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var current = await storage.ReleasesTable.GetEntityIfExistsAsync<ReleaseRow>(partition, row, [Property, nameof(ReleaseRow.Stage)], cancellationToken);
                if (!current.HasValue || current.Value is null)
                {
                    return ReadStart.Unknown; // no row (never claimed, or purged): nothing to count on
                }

                int before = current.Value.ReadAttempts ?? 0;
                var update = new ReleaseRow { PartitionKey = partition, RowKey = row, ReadAttempts = before + 1, Stage = stage };
                await storage.ReleasesTable.UpdateEntityAsync(update, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return new ReadStart(before, StartedBefore: before > 0 || current.Value.Stage is not null);
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < 5)
            {
                // Another writer changed the row in between; read again.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return ReadStart.Unknown;
            }
        }
    }

    /// <summary>
    /// Clears the count: the read finished (or was parked), and a later restart starts from zero. A
    /// <paramref name="nextStage"/> is marked in the same write.
    /// </summary>
    public async Task ClearAsync(string releaseId, string? nextStage, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(releaseId);
        try
        {
            await storage.ReleasesTable.UpdateEntityAsync(new ReleaseRow { PartitionKey = partition, RowKey = row, ReadAttempts = 0, Stage = nextStage }, ETag.All, TableUpdateMode.Merge, cancellationToken);
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

/// <summary>What the ledger knew when a read started.</summary>
/// <param name="Unfinished">Reads that started before this one and never finished.</param>
/// <param name="StartedBefore">
/// Whether any attempt got this release to a stage before (or the row could not tell): only then can an earlier
/// attempt have stored something worth reusing.
/// </param>
public sealed record ReadStart(int Unfinished, bool StartedBefore)
{
    public static ReadStart Unknown { get; } = new(0, StartedBefore: true);
}
