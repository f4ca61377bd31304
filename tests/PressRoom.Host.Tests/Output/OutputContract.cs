using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Json.Schema;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>
/// The documented contract, read from docs/output-contract.md and schemas/release.schema.json, and checks of real
/// storage against it. The docs are the source of truth: a column the code writes but the docs do not list fails a test.
/// </summary>
public static partial class OutputContract
{
    static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "output-contract.md")));
    static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "release.schema.json"))));

    /// <summary>Column → EDM type of a documented table.</summary>
    public static Dictionary<string, string> Columns(string table)
    {
        var lines = Doc.Value.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == $"### Table `{table}`");
        Assert.True(start >= 0, $"docs/output-contract.md documents no table {table}.");
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith("| `", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            columns[cells[1].Trim('`')] = cells[2];
        }

        return columns;
    }

    /// <summary>Backticked names in the first column of the table that follows a heading line.</summary>
    public static HashSet<string> FieldsAfter(string headingLine)
    {
        var lines = Doc.Value.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == headingLine);
        Assert.True(start >= 0, $"docs/output-contract.md has no '{headingLine}'.");
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
        {
            foreach (Match m in Backticked().Matches(line.Split('|')[1]))
            {
                fields.Add(m.Groups[1].Value);
            }
        }

        return fields;
    }

    /// <summary>Regexes of the documented blob paths under processed/{releaseId}/.</summary>
    public static List<Regex> BlobPatterns(string releaseId)
    {
        var patterns = new List<Regex>();
        foreach (var line in Doc.Value.Split('\n').Where(l => l.StartsWith("| `processed/{releaseId}/", StringComparison.Ordinal)))
        {
            var path = line.Split('|')[1].Trim().Trim('`')["processed/".Length..];
            var regex = Regex.Escape(path).Replace(Regex.Escape("{releaseId}"), Regex.Escape(releaseId), StringComparison.Ordinal)
                .Replace(Regex.Escape("{lang}"), "[a-z]{2,3}(-[A-Za-z0-9]+)?", StringComparison.Ordinal);
            patterns.Add(new Regex($"^{regex}$"));
        }

        return patterns;
    }

    public static string EdmType(object? value) => value switch
    {
        string => "String",
        int => "Int32",
        long => "Int64",
        double => "Double",
        bool => "Boolean",
        DateTimeOffset or DateTime => "DateTime",
        byte[] => "Binary",
        Guid => "Guid",
        _ => value?.GetType().Name ?? "null",
    };

    /// <summary>Every property of every row is a documented column of the documented type; keys are valid; SchemaVersion is set.</summary>
    public static void AssertRowsMatch(string table, IReadOnlyCollection<TableEntity> rows)
    {
        Assert.NotEmpty(rows);
        var columns = Columns(table);
        foreach (var row in rows)
        {
            Assert.True(TableKeys.IsValid(row.PartitionKey) && TableKeys.IsValid(row.RowKey), $"{table}: invalid key {row.PartitionKey}/{row.RowKey}");
            if (row.PartitionKey != ReleaseRows.BucketsPartition)
            {
                Assert.Equal(ReleaseRecord.CurrentSchemaVersion, row.GetString("SchemaVersion"));
            }

            foreach (var (name, value) in row)
            {
                if (name is "odata.etag" or "Timestamp")
                {
                    continue;
                }

                Assert.True(columns.TryGetValue(name, out var type), $"{table}: column {name} is not documented.");
                Assert.True(type == EdmType(value), $"{table}.{name}: documented {type}, stored {EdmType(value)}.");
                if (value is string s)
                {
                    Assert.True(s.Length <= ReleaseRows.MaxStringChars, $"{table}.{name} holds {s.Length} characters.");
                }
            }
        }
    }

    public static void AssertValidReleaseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, "release.json does not match schemas/release.schema.json:\n" + JsonSerializer.Serialize(result) + "\n" + json);
    }

    public static async Task<List<TableEntity>> RowsAsync(TableClient table, string? partition = null)
    {
        var rows = new List<TableEntity>();
        var query = partition is null ? table.QueryAsync<TableEntity>() : table.QueryAsync<TableEntity>(e => e.PartitionKey == partition);
        await foreach (var row in query)
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>One entity's rows of the entity index, read the way the contract tells readers to: its key's shard, its key's prefix.</summary>
    public static async Task<List<TableEntity>> IndexRowsAsync(TableClient table, string entityKey)
    {
        var prefix = TableKeys.EntityIndexPrefix(entityKey);
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.EntityIndexPartition(entityKey)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
