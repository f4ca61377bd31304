namespace PressRoom.Pipeline.Admin;

/// <summary>An <c>AdminActions</c> row: one admin action on one instance (partition: the instance, newest first).</summary>
public sealed class AdminActionRow : TypedTableRow
{
    public string? InstanceId { get; set; }
    public string? Action { get; set; }
    public string? Actor { get; set; }
    public AdminRole? Role { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? At { get; set; }
    public ActionOutcome? Outcome { get; set; }
    public string? Detail { get; set; }
}
