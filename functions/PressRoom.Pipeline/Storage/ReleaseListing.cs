using System.Text;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>A page request over the newest-first listings. <see cref="EntityKey"/> switches from the time listing to one entity's releases.</summary>
public sealed record ReleaseListQuery
{
    public const int DefaultTop = 25;
    public const int MaxTop = 100;

    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public string? Language { get; init; }
    public string? EntityKey { get; init; }
    public int Top { get; init; } = DefaultTop;
    public string? Continuation { get; init; }
}

/// <summary>One release in a listing: the summary columns of a listing row, no lookups needed.</summary>
public sealed record ReleaseSummary
{
    public required string ReleaseId { get; init; }
    public required string DocumentId { get; init; }
    public required string Status { get; init; }
    public string? Language { get; init; }
    public string? Title { get; init; }
    public string? TitleEn { get; init; }
    public string? DatelinePlace { get; init; }
    public string? DatelineDate { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public int EntityCount { get; init; }
    public string? SourceBlob { get; init; }
    public string? SupersededBy { get; init; }

    /// <summary>The release's detail in the HTTP API.</summary>
    public string Url => ApiRoutes.ReleaseUrl(ReleaseId);

    public static ReleaseSummary FromRow(ReleaseListingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new()
        {
            ReleaseId = row.ReleaseId ?? string.Empty,
            DocumentId = row.DocumentId ?? string.Empty,
            Status = row.Status ?? string.Empty,
            Language = row.Language,
            Title = row.Title,
            TitleEn = row.TitleEn,
            DatelinePlace = row.DatelinePlace,
            DatelineDate = row.DatelineDate,
            ReceivedAt = row.ReceivedAt ?? DateTimeOffset.MinValue,
            EntityCount = row.EntityCount ?? 0,
            SourceBlob = row.SourceBlob,
            SupersededBy = row.SupersededBy,
        };
    }
}

public sealed record ReleasePage(IReadOnlyList<ReleaseSummary> Items, string? Continuation);

/// <summary>A continuation token that is not one this API issued.</summary>
public sealed class InvalidContinuationException(string message) : Exception(message);

/// <summary>
/// Newest-first pages over <c>ReleasesByTime</c> (month partitions, visited newest month first) or over one entity's
/// rows of <c>EntityIndexV2</c> (its key's shard, under its key's row-key prefix). Every query names its partition and
/// a row-key range: no table scans.
/// The continuation token is opaque to clients: the partition and row key of the last item returned.
/// </summary>
public sealed class ReleaseListing(PressRoomStorage storage)
{
    public async Task<ReleasePage> ListAsync(ReleaseListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.EntityKey is { } key)
        {
            var entity = new Scope(storage.EntityIndexTable, [TableKeys.EntityIndexPartition(key)], TableKeys.EntityIndexPrefix(key), key);
            return await ListAsync(entity, query, cancellationToken);
        }

        var byTime = new Scope(storage.ReleasesByTimeTable, await MonthsAsync(query, cancellationToken), RowKeyPrefix: string.Empty, EntityKey: null);
        return await ListAsync(byTime, query, cancellationToken);
    }

    async Task<List<string>> MonthsAsync(ReleaseListQuery query, CancellationToken cancellationToken)
    {
        var from = query.Since is { } since ? TableKeys.MonthBucket(since) : null;
        var to = query.Until is { } until ? TableKeys.MonthBucket(until) : null;
        var months = new List<string>();
        await foreach (var row in storage.ReleasesByTimeTable.QueryAsync<MonthBucketRow>(e => e.PartitionKey == ReleaseRows.BucketsPartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if ((from is null || string.CompareOrdinal(row.RowKey, from) >= 0) && (to is null || string.CompareOrdinal(row.RowKey, to) <= 0))
            {
                months.Add(row.RowKey);
            }
        }

        months.Sort((a, b) => string.CompareOrdinal(b, a));
        return months;
    }

    /// <summary>Where a listing reads: partitions in order, and within each the rows under a row-key prefix (of one entity key).</summary>
    sealed record Scope(TableClient Table, IReadOnlyList<string> Partitions, string RowKeyPrefix, string? EntityKey);

    static async Task<ReleasePage> ListAsync(Scope scope, ReleaseListQuery query, CancellationToken cancellationToken)
    {
        var partitions = scope.Partitions;
        var top = Math.Clamp(query.Top, 1, ReleaseListQuery.MaxTop);
        var (startPartition, afterRow) = Decode(query.Continuation);
        var index = startPartition is null ? 0 : IndexOf(partitions, startPartition);

        // One more than asked, to know whether a next page exists.
        var items = new List<(string Partition, ReleaseListingRow Row)>();
        for (; index < partitions.Count && items.Count <= top; index++)
        {
            var partition = partitions[index];
            var filter = Filter(partition, scope, query, partition == startPartition ? afterRow : null);
            await foreach (var row in scope.Table.QueryAsync<ReleaseListingRow>(filter, maxPerPage: top + 1, cancellationToken: cancellationToken))
            {
                items.Add((partition, row));
                if (items.Count > top)
                {
                    break;
                }
            }
        }

        var page = items.Take(top).ToList();
        var continuation = items.Count > top ? Encode(page[^1].Partition, page[^1].Row.RowKey) : null;
        return new ReleasePage(page.Select(i => ReleaseSummary.FromRow(i.Row)).ToList(), continuation);
    }

    static int IndexOf(IReadOnlyList<string> partitions, string partition)
    {
        for (int i = 0; i < partitions.Count; i++)
        {
            if (partitions[i] == partition)
            {
                return i;
            }
        }

        throw new InvalidContinuationException("The continuation token does not belong to this query.");
    }

    static string Filter(string partition, Scope scope, ReleaseListQuery query, string? afterRow)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };

        // Row keys are the prefix, then inverted ticks: later times sort first. "until" is the lower row-key bound,
        // "since" the upper; an entity's rows are bounded by its prefix even without them ('~' sorts after the digits).
        var prefix = scope.RowKeyPrefix;
        if (query.Until is not null || prefix.Length > 0)
        {
            var lower = prefix + (query.Until is { } until ? TableKeys.NewestFirst(until) : string.Empty);
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {lower}"));
        }

        if (query.Since is not null || prefix.Length > 0)
        {
            var upper = prefix + (query.Since is { } since ? TableKeys.NewestFirst(since) : string.Empty) + "~";
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {upper}"));
        }

        if (scope.EntityKey is { } key)
        {
            // The prefix is the sanitized key; the column holds the key itself, so two keys that sanitize alike stay apart.
            parts.Add(TableClient.CreateQueryFilter($"EntityKey eq {key}"));
        }

        if (afterRow is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey gt {afterRow}"));
        }

        if (query.Statuses.Count > 0)
        {
            parts.Add("(" + string.Join(" or ", query.Statuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s}"))) + ")");
        }

        if (query.Language is { } language)
        {
            parts.Add(TableClient.CreateQueryFilter($"Language eq {language}"));
        }

        return string.Join(" and ", parts);
    }

    static string Encode(string partition, string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{partition}\n{rowKey}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static (string? Partition, string? Row) Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            if (parts.Length == 2 && parts[0].Length > 0 && TableKeys.IsValid(parts[0]) && TableKeys.IsValid(parts[1]))
            {
                return (parts[0], parts[1]);
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidContinuationException("The continuation token is not valid.");
    }
}
