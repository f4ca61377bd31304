namespace PressRoom.Pipeline.Maintenance;

/// <summary>
/// <c>PressRoom:HistoryRetention</c> and <c>PressRoom:HistoryPurgeInterval</c>: how long the durable engine keeps the
/// history of finished orchestrations, and how often the purge runs in the local runtime (Azure: an hourly timer).
/// Release results live in PressRoom's own tables and blobs and are never purged.
/// </summary>
public sealed class HistoryRetentionOptions
{
    public const string Section = "PressRoom";

    /// <summary>Finished (completed, failed, terminated) instances created longer ago than this are purged. Default 7 days.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the local runtime purges. Default 1 hour.</summary>
    public TimeSpan HistoryPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public bool IsValid() => HistoryRetention > TimeSpan.Zero && HistoryPurgeInterval > TimeSpan.Zero;
}
