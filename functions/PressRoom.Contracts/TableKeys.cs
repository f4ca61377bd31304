using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PressRoom.Contracts;

/// <summary>
/// PartitionKey/RowKey rules: Azure rejects '/', '\', '#', '?' and control characters (Azurite does not),
/// and keys are at most 1 KiB. Everything that becomes a key passes through here.
/// </summary>
public static class TableKeys
{
    const int MaxKeyLength = 255;

    public static string Sanitize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c);
        }

        var key = builder.ToString();
        if (key.Length <= MaxKeyLength)
        {
            return key;
        }

        // Long keys keep a readable prefix and stay unique through a hash of the whole value.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
        return string.Concat(key.AsSpan(0, MaxKeyLength - 17), "~", hash);
    }

    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 1024 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>The month partition of the time-ordered listing (UTC), e.g. <c>2026-11</c>.</summary>
    public static string MonthBucket(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Row key of a release in a newest-first listing: inverted ticks, then the release id for uniqueness.</summary>
    public static string NewestFirst(DateTimeOffset timestamp, string releaseId) => $"{NewestFirst(timestamp)}-{Sanitize(releaseId)}";

    /// <summary>Partitions of <c>EntityIndexV2</c>. Part of the contract: readers compute the partition of a key.</summary>
    public const int EntityIndexShards = 4;

    /// <summary>
    /// The <c>EntityIndexV2</c> partition of an entity key: the first byte of SHA-256 over the key (UTF-8) modulo
    /// <see cref="EntityIndexShards"/>, as a digit. A few partitions, so a release's index rows are a few batches,
    /// and each stays far under a partition's throughput limit.
    /// </summary>
    public static string EntityIndexPartition(string entityKey)
    {
        ArgumentNullException.ThrowIfNull(entityKey);
        var shard = SHA256.HashData(Encoding.UTF8.GetBytes(entityKey))[0] % EntityIndexShards;
        return shard.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The row-key prefix of one entity's rows in <c>EntityIndexV2</c>: the sanitized key and <c>|</c>.</summary>
    public static string EntityIndexPrefix(string entityKey) => Sanitize(entityKey) + "|";

    /// <summary>Row key of a release in one entity's <c>EntityIndexV2</c> rows: the entity's prefix, then newest first.</summary>
    public static string EntityIndexRowKey(string entityKey, DateTimeOffset receivedAt, string releaseId) =>
        EntityIndexPrefix(entityKey) + NewestFirst(receivedAt, releaseId);

    /// <summary>A row key that sorts newest first.</summary>
    public static string NewestFirst(DateTimeOffset timestamp) =>
        (DateTimeOffset.MaxValue.UtcTicks - timestamp.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
