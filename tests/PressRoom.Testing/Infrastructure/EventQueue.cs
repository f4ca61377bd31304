using System.Text.Json;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Infrastructure;

/// <summary>Reads every message on the <c>release-events</c> queue (receiving hides them from other readers).</summary>
public static class EventQueue
{
    /// <summary>
    /// Reads events until every expected subject has an event of the given type (events are sent just after the rows
    /// they announce), then a short quiet period more so duplicates would show.
    /// </summary>
    public static async Task<List<JsonElement>> WaitForAsync(PressRoomStorage storage, IReadOnlyCollection<string> subjects, string type, TimeSpan timeout)
    {
        var events = new List<JsonElement>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            events.AddRange(await ReadAllAsync(storage));
            var seen = events.Where(e => e.GetProperty("type").GetString() == type).Select(e => e.GetProperty("subject").GetString()).ToHashSet();
            if (subjects.All(seen.Contains))
            {
                break;
            }

            await Task.Delay(500);
        }

        await Task.Delay(1000);
        events.AddRange(await ReadAllAsync(storage));
        return events;
    }

    public static async Task<List<JsonElement>> ReadAllAsync(PressRoomStorage storage)
    {
        var events = new List<JsonElement>();
        while (true)
        {
            var batch = await storage.EventsQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
            if (batch.Value.Length == 0)
            {
                return events;
            }

            events.AddRange(batch.Value.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.Clone()));
        }
    }
}
