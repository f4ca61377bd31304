using System.Text.Json;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Reads an Event Grid <c>Microsoft.Storage.BlobDeleted</c> event (Event Grid or CloudEvents schema, one event or an array)
/// and returns the name of the deleted blob when it was in the <c>releases</c> container.
/// </summary>
public static class BlobDeletedEvent
{
    public const string EventType = "Microsoft.Storage.BlobDeleted";
    const string SubjectPrefix = "/blobServices/default/containers/" + StorageNames.ReleasesContainer + "/blobs/";

    public static string? TryGetReleaseBlob(string message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            var first = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().FirstOrDefault() : root;
            if (first.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var type = first.TryGetProperty("eventType", out var eventType) ? eventType.GetString()
                : first.TryGetProperty("type", out var cloudType) ? cloudType.GetString() : null;
            if (type != EventType || !first.TryGetProperty("subject", out var subject) || subject.GetString() is not { } path)
            {
                return null;
            }

            return path.StartsWith(SubjectPrefix, StringComparison.Ordinal) && path.Length > SubjectPrefix.Length
                ? Uri.UnescapeDataString(path[SubjectPrefix.Length..])
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
