using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>An entity found by name: its key (for <c>/api/entities/{key}/releases</c>), category and names in Arabic and English.</summary>
public sealed record EntityMatch
{
    public required string Key { get; init; }
    public required string Category { get; init; }
    public string? Name { get; init; }
    public string? English { get; init; }
    public string? LastReleaseId { get; init; }
    public DateTimeOffset? LastSeenAt { get; init; }

    public string ReleasesUrl => ApiRoutes.EntityReleasesUrl(Key);
}

/// <summary>
/// Finds entities by name in Arabic or English over <c>EntityNames</c>: the query is normalized like the index
/// (<see cref="NameNormalizer"/>), its longest token is looked up as a row-key prefix in one partition, and every
/// other query token must prefix a token of the name.
/// </summary>
public sealed class EntitySearch(PressRoomStorage storage)
{
    /// <summary>Rows read at most per search; a one-letter-wide prefix in a huge corpus stops here.</summary>
    const int MaxRowsRead = 5_000;

    public async Task<IReadOnlyList<EntityMatch>> SearchAsync(string query, string? category, int top, CancellationToken cancellationToken)
    {
        var tokens = NameNormalizer.Normalize(query ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var longest = tokens.OrderByDescending(t => t.Length).FirstOrDefault();
        if (longest is null || longest.Length < NameNormalizer.MinTokenLength)
        {
            throw new ArgumentException($"Search for at least {NameNormalizer.MinTokenLength} letters.", nameof(query));
        }

        var upper = longest[..^1] + (char)(longest[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReleaseRows.NamePartition(longest)} and RowKey ge {longest} and RowKey lt {upper}");
        var found = new Dictionary<string, (EntityMatch Match, bool Exact)>(StringComparer.Ordinal);
        int read = 0;
        await foreach (var row in storage.EntityNamesTable.QueryAsync<EntityNameRow>(filter, cancellationToken: cancellationToken))
        {
            if (++read > MaxRowsRead)
            {
                break;
            }

            var match = new EntityMatch
            {
                Key = row.EntityKey ?? string.Empty,
                Category = row.Category ?? string.Empty,
                Name = row.Name,
                English = row.English,
                LastReleaseId = row.LastReleaseId,
                LastSeenAt = row.LastSeenAt,
            };
            if ((category is not null && !string.Equals(category, match.Category, StringComparison.OrdinalIgnoreCase))
                || !NameNormalizer.Matches(tokens, [match.Name, match.English]))
            {
                continue;
            }

            var exact = row.Token == longest;
            if (!found.TryGetValue(match.Key, out var seen) || (exact && !seen.Exact))
            {
                found[match.Key] = (match, exact || (seen.Match is not null && seen.Exact));
            }
        }

        return found.Values
            .OrderByDescending(f => f.Exact)
            .ThenByDescending(f => f.Match.LastSeenAt)
            .ThenBy(f => f.Match.Key, StringComparer.Ordinal)
            .Take(Math.Clamp(top, 1, ReleaseListQuery.MaxTop))
            .Select(f => f.Match)
            .ToList();
    }
}
