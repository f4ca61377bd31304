using System.Text.Json;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Infrastructure;

/// <summary>Reads every message on the <c>release-events</c> queue (receiving hides them from other readers).</summary>
public static class EventQueue
{
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
