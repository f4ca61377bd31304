using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Admin;

/// <summary>
/// The audit trail of admin actions: table <c>AdminActions</c>, one partition per instance, newest first.
/// It outlives a purge of the instance, so "who deleted this and why" can still be answered.
/// </summary>
public sealed class AdminActionLog(PressRoomStorage storage, TimeProvider clock, ILogger<AdminActionLog> logger)
{
    public const string TableName = "AdminActions";

    /// <summary>Set once the table exists; creating it twice concurrently is harmless.</summary>
    volatile bool created;

    TableClient Table => storage.Tables.GetTableClient(TableName);

    public async Task<AdminActionRecord> RecordAsync(AdminCaller caller, ActionResult result, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(result);
        var record = new AdminActionRecord(result.InstanceId, result.Action, caller.Actor, reason, clock.GetUtcNow(), result.Outcome.ToString(), result.Message);

        // Structured: who, what, on which instance, why, and how it went.
        logger.LogWarning(
            "Admin action {Action} on {InstanceId} by {Actor} ({Role}): {Outcome}. Reason: {Reason}. {Detail}",
            record.Action, record.InstanceId, record.Actor, caller.Role, record.Outcome, record.Reason, record.Detail);

        await EnsureTableAsync(cancellationToken);
        var row = new AdminActionRow
        {
            PartitionKey = TableKeys.Sanitize(record.InstanceId),
            RowKey = $"{TableKeys.NewestFirst(record.At)}-{Guid.NewGuid():N}",
            InstanceId = record.InstanceId,
            Action = record.Action,
            Actor = record.Actor,
            Role = caller.Role,
            Reason = Clip(record.Reason),
            At = record.At,
            Outcome = result.Outcome,
            Detail = Clip(record.Detail),
        };
        await Table.AddEntityAsync(row, cancellationToken);
        return record;
    }

    /// <summary>Actions on one instance, oldest first.</summary>
    public async Task<List<AdminActionRecord>> ForInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var partition = TableKeys.Sanitize(instanceId);
        var records = new List<AdminActionRecord>();
        await foreach (var row in Table.QueryAsync<AdminActionRow>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            records.Add(new AdminActionRecord(
                row.InstanceId ?? instanceId,
                row.Action ?? "?",
                row.Actor ?? "?",
                row.Reason ?? string.Empty,
                row.At ?? row.Timestamp ?? DateTimeOffset.MinValue,
                row.Outcome?.ToString() ?? "?",
                row.Detail));
        }

        records.Reverse();
        return records;
    }

    async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await Table.CreateIfNotExistsAsync(cancellationToken);
        created = true;
    }

    static string? Clip(string? value) => value is null || value.Length <= 4000 ? value : value[..4000];
}
