using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Counts Azurite's access-log lines (<c>127.0.0.1 - - [time] "GET /account/path?query HTTP/1.1" 200 -</c>), in total
/// and by kind: the method and the resource with its keys and ids taken out ("PATCH table Releases",
/// "GET queue {hub}-control-NN/messages", "PUT blob processed/*/release.json"), so a benchmark can say where the
/// requests of a release go. A table batch is one request, whatever it holds.
/// </summary>
public sealed partial class StorageRequestTally
{
    readonly ConcurrentDictionary<string, long> byKind = new(StringComparer.Ordinal);
    long count;

    public long Count => Interlocked.Read(ref count);

    /// <summary>Requests by kind so far (a copy).</summary>
    public IReadOnlyDictionary<string, long> ByKind() => new Dictionary<string, long>(byKind, StringComparer.Ordinal);

    public void Observe(string? line)
    {
        if (line is null || KindOf(line) is not { } kind)
        {
            return;
        }

        Interlocked.Increment(ref count);
        byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>The kind of one access-log line, or null when the line is not a request.</summary>
    public static string? KindOf(string line)
    {
        var match = RequestLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var method = match.Groups["method"].Value;
        var path = match.Groups["path"].Value;
        var query = match.Groups["query"].Value;
        return $"{method} {ResourceOf(path, query)}";
    }

    static string ResourceOf(string path, string query)
    {
        // The first segment is the account (devstoreaccount1); the rest names the resource.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        if (segments.Length == 0)
        {
            return "account";
        }

        var first = Uri.UnescapeDataString(segments[0]);
        if (first == "$batch")
        {
            return "table batch";
        }

        if (first.StartsWith("Tables", StringComparison.Ordinal))
        {
            return "table (create/list tables)";
        }

        var key = first.IndexOf('(', StringComparison.Ordinal);
        if (key > 0)
        {
            return $"table {first[..key]}";
        }

        if (segments.Length >= 2 && segments[1] == "messages")
        {
            return $"queue {Numbered().Replace(first, "-NN")}/messages";
        }

        if (query.Contains("restype=container", StringComparison.Ordinal) || query.Contains("comp=list", StringComparison.Ordinal))
        {
            return $"container {first}";
        }

        if (segments.Length == 1)
        {
            // A table insert (POST /Table) or a queue/container operation without a sub-resource.
            return $"table-or-queue {Numbered().Replace(first, "-NN")}";
        }

        // Blobs: the container and the file name when it names a kind of file (release.json), else its extension.
        var name = Uri.UnescapeDataString(segments[^1]);
        var middle = segments.Length > 2 ? "*/" : string.Empty;
        return $"blob {first}/{middle}{(name.Any(char.IsDigit) ? "*" + Path.GetExtension(name) : name)}";
    }

    [GeneratedRegex("\"(?<method>[A-Z]+) (?<path>[^ ?]+)(?:\\?(?<query>[^ ]*))? HTTP/1\\.1\" ")]
    private static partial Regex RequestLine();

    [GeneratedRegex("-[0-9]{2}$")]
    private static partial Regex Numbered();
}
