using System.Security.Cryptography;
using System.Text;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Storage;

/// <summary>The keys of <c>EntityIndexV2</c>: what readers compute, and what they cost a release to write.</summary>
public class EntityIndexLayoutTests
{
    static readonly DateTimeOffset ReceivedAt = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    static ReleaseRecord Release(int people) => new()
    {
        ReleaseId = "5c1f0b8e2a9d4471-1462e021ac3cc625",
        DocumentId = "5c1f0b8e2a9d4471",
        SourceBlob = "bayan.txt",
        ContentSha256 = new string('a', 64),
        Status = ReleaseStatus.Completed,
        ReceivedAt = ReceivedAt,
        Entities = new Dictionary<string, IReadOnlyList<ExtractedEntity>>
        {
            ["ar"] = Enumerable.Range(0, people)
                .Select(i => new ExtractedEntity { Category = "Person", Text = $"شخص {i}", Offset = i * 10, Length = 5, Key = $"person:p-{i}" })
                .Append(new ExtractedEntity { Category = "DateTime", Text = "الاثنين", Offset = 0, Length = 7, Key = "datetime:monday" })
                .ToList(),
        },
    };

    [Theory]
    [InlineData("person:vladimir-voronkov")]
    [InlineData("location:الدوحه")]
    [InlineData("organization:united-nations")]
    public void The_partition_is_the_documented_shard_of_the_key(string key)
    {
        // docs/output-contract.md: the first byte of SHA-256 over the key (UTF-8) modulo 4, as one digit.
        var expected = (SHA256.HashData(Encoding.UTF8.GetBytes(key))[0] % 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, TableKeys.EntityIndexPartition(key));
        Assert.Equal("1", TableKeys.EntityIndexPartition("person:vladimir-voronkov"));
    }

    [Fact]
    public void A_release_with_sixty_named_entities_writes_its_index_rows_in_at_most_four_batches()
    {
        var rows = ReleaseRows.Index(Release(60), Release(60).Entities["ar"]).ToList();
        Assert.Equal(60, rows.Count);
        Assert.DoesNotContain(rows, r => r.Category == "DateTime");

        var batches = TableBatchWriter.Plan(rows).ToList();
        Assert.InRange(batches.Count, 1, TableKeys.EntityIndexShards);
        Assert.Equal(60, batches.Sum(b => b.Count));
        Assert.All(rows, r => Assert.StartsWith(TableKeys.EntityIndexPrefix(r.EntityKey!), r.RowKey, StringComparison.Ordinal));
    }

    [Fact]
    public void One_keys_row_key_range_holds_its_rows_newest_first_and_no_other_keys_rows()
    {
        var prefix = TableKeys.EntityIndexPrefix("person:ali");
        var older = TableKeys.EntityIndexRowKey("person:ali", ReceivedAt, "r1");
        var newer = TableKeys.EntityIndexRowKey("person:ali", ReceivedAt.AddDays(1), "r2");
        var longer = TableKeys.EntityIndexRowKey("person:ali-hassan", ReceivedAt, "r3");

        bool InRange(string rowKey) => string.CompareOrdinal(rowKey, prefix) >= 0 && string.CompareOrdinal(rowKey, prefix + "~") < 0;
        Assert.True(InRange(older));
        Assert.True(InRange(newer));
        Assert.False(InRange(longer));
        Assert.True(string.CompareOrdinal(newer, older) < 0);
    }
}
