namespace PressRoom.Pipeline.Storage;

/// <summary>Where an event's claim in <c>ReleaseEventLog</c> stands; stored by name (<c>Pending</c>, <c>Sent</c>).</summary>
public enum EventClaimState
{
    Pending,
    Sent,
}

/// <summary>A <c>ReleaseEventLog</c> row: the claim of one release event and, once sent, its receipt.</summary>
public sealed class EventLogRow : TypedTableRow
{
    public string? SchemaVersion { get; set; }
    public string? ReleaseId { get; set; }
    public string? EventId { get; set; }
    public string? Type { get; set; }
    public EventClaimState? State { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The CloudEvents message exactly as sent (a takeover re-sends these bytes).</summary>
    public string? Body { get; set; }

    public DateTimeOffset? SentAt { get; set; }
    public string? MessageId { get; set; }
}
