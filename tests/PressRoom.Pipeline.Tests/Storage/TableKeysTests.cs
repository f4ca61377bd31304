using Azure.Data.Tables;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Storage;

public class TableKeysTests
{
    [Theory]
    [InlineData("a/b\\c#d?e\u0001f", "a_b_c_d_e_f")]
    [InlineData("بيان صحفي", "بيان صحفي")]
    public void Sanitize_replaces_forbidden_characters(string input, string expected)
    {
        var key = TableKeys.Sanitize(input);
        Assert.Equal(expected, key);
        Assert.True(TableKeys.IsValid(key));
    }

    [Fact]
    public void Sanitize_keeps_long_keys_unique_and_short()
    {
        var a = TableKeys.Sanitize(new string('x', 2000) + "a");
        var b = TableKeys.Sanitize(new string('x', 2000) + "b");
        Assert.NotEqual(a, b);
        Assert.True(a.Length <= 255);
    }

    [Fact]
    public void Batches_hold_one_partition_and_at_most_100_operations()
    {
        var entities = Enumerable.Range(0, 250).Select(i => new TableEntity(i % 2 == 0 ? "p1" : "p2", $"r{i:D3}")).ToList();
        var batches = TableBatchWriter.Plan(entities).ToList();
        Assert.All(batches, b => Assert.Single(b.Select(e => e.PartitionKey).Distinct()));
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 100));
        Assert.Equal(250, batches.Sum(b => b.Count));
        Assert.Equal(4, batches.Count);
    }

    [Fact]
    public void Batches_stay_under_four_mebibytes()
    {
        var big = new string('x', 30_000);
        var entities = Enumerable.Range(0, 100).Select(i => new TableEntity("p", $"r{i:D3}") { ["A"] = big, ["B"] = big }).ToList();
        var batches = TableBatchWriter.Plan(entities).ToList();
        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b.Count * 2 * 30_000 * 2 < TableBatchWriter.MaxBatchBytes));
    }

    [Fact]
    public void Typed_rows_are_sized_as_sent_and_batches_stay_under_four_mebibytes()
    {
        // Arabic text: two UTF-8 bytes a letter, more once escaped in JSON; 100 such rows are far over 4 MiB.
        var text = string.Concat(Enumerable.Repeat("بيان ", 6_000));
        var rows = Enumerable.Range(0, 100).Select(i => new ReleaseEntityRow { PartitionKey = "p", RowKey = $"ar-{i:D5}", Text = text, English = text, Attributes = text }).ToList();
        var batches = TableBatchWriter.Plan(rows).ToList();
        Assert.True(batches.Count > 1);
        Assert.Equal(100, batches.Sum(b => b.Count));
        Assert.All(batches, b => Assert.True(b.Sum(r => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(r, r.GetType()).Length) < TableBatchWriter.MaxBatchBytes));
    }
}
