using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace PressRoom.Host.Bench;

/// <summary>
/// Waits until a task hub's control-queue partitions are spread over the benchmark's processes. DTFx's table partition
/// manager keeps one row per partition in <c>{hub}Partitions</c> with its <c>CurrentOwner</c> and, while the lease
/// moves to another worker, its <c>NextOwner</c>; a partition on the move is drained first and processes nothing for up
/// to a lease interval. A burst started before the processes have split the partitions measures that handover, not
/// what the processes can do together.
/// </summary>
public static class PartitionBalance
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <returns>How long the partitions took to settle.</returns>
    public static async Task<TimeSpan> WaitAsync(string connectionString, string taskHub, int processes, int partitions, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, taskHub + "Partitions");
        var owners = Math.Min(processes, partitions);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var leases = await ReadAsync(table, cancellationToken);
            if (IsBalanced(leases, partitions, owners))
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"The {partitions} partitions of task hub {taskHub} were not split over {owners} processes within {timeout.TotalSeconds:0} s " +
                    $"(owners now: {string.Join(", ", leases.Select(l => l.CurrentOwner ?? "none"))}).");
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>Every partition owned, none moving, and as many distinct owners as there are processes to go round.</summary>
    public static bool IsBalanced(IReadOnlyList<PartitionLease> leases, int partitions, int owners)
    {
        ArgumentNullException.ThrowIfNull(leases);
        return leases.Count == partitions
            && leases.All(l => !string.IsNullOrEmpty(l.CurrentOwner) && string.IsNullOrEmpty(l.NextOwner))
            && leases.Select(l => l.CurrentOwner).Distinct(StringComparer.Ordinal).Count() == owners;
    }

    static async Task<List<PartitionLease>> ReadAsync(TableClient table, CancellationToken cancellationToken)
    {
        var leases = new List<PartitionLease>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["CurrentOwner", "NextOwner"], cancellationToken: cancellationToken))
            {
                leases.Add(new PartitionLease(row.GetString("CurrentOwner"), row.GetString("NextOwner")));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The first worker has not created the table yet.
        }

        return leases;
    }
}

/// <summary>One row of DTFx's partition table: who holds the partition, and who it is being handed to.</summary>
public sealed record PartitionLease(string? CurrentOwner, string? NextOwner);
