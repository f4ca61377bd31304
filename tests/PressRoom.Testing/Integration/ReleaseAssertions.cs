using System.Text.Json;
using Azure.Data.Tables;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Integration;

/// <summary>Reads back everything a set of releases produced, to assert exactly-once results.</summary>
public static class ReleaseAssertions
{
    public static async Task<List<TableEntity>> ReleaseRowsAsync(PressRoomStorage storage)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.ReleasesTable.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Waits until every given release has a row in one of the final statuses, or the timeout passes.</summary>
    public static async Task<List<TableEntity>> WaitForFinalRowsAsync(PressRoomStorage storage, IReadOnlyCollection<string> releaseIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = new List<TableEntity>();
            foreach (var id in releaseIds)
            {
                // The stored row itself, every column: callers assert on the output contract.
                var stored = await storage.ReleasesTable.GetEntityIfExistsAsync<TableEntity>(TableKeys.Sanitize(ReleaseIdentity.DocumentIdOf(id)), TableKeys.Sanitize(id));
                if (stored.HasValue && stored.Value is { } row && row.GetString("Status") is "Completed" or "Rejected" or "Failed")
                {
                    rows.Add(row);
                }
            }

            if (rows.Count == releaseIds.Count || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(500);
        }
    }

    /// <param name="distinctIds">Count distinct CloudEvents ids (what a consumer that dedupes on id sees) instead of messages.</param>
    public static Dictionary<string, int> EventsPerRelease(IEnumerable<JsonElement> events, string type, bool distinctIds = false) =>
        events.Where(e => e.GetProperty("type").GetString() == type)
            .GroupBy(e => e.GetProperty("subject").GetString()!)
            .ToDictionary(g => g.Key, g => distinctIds ? g.Select(e => e.GetProperty("id").GetString()).Distinct().Count() : g.Count());
}
