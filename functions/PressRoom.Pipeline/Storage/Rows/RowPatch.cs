using Azure;
using Azure.Data.Tables;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// A change of some columns of an existing row, by column name (names come from the typed rows with <c>nameof</c>).
/// The one place rows are handled as property bags: a typed row cannot say "remove this column", and a merge
/// cannot either (storage ignores nulls), so a change that clears a column reads the row, drops it and replaces.
/// </summary>
public static class RowPatch
{
    /// <summary>Applies <paramref name="values"/> (null = remove the column) to the row if it exists; a missing row stays missing.</summary>
    public static async Task MergeIfExistsAsync(TableClient table, string partitionKey, string rowKey, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(values);
        try
        {
            if (values.Values.Any(v => v is null))
            {
                var current = (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)).Value;
                foreach (var (name, value) in values)
                {
                    if (value is null)
                    {
                        current.Remove(name);
                    }
                    else
                    {
                        current[name] = value;
                    }
                }

                await table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }

            var change = new TableEntity(partitionKey, rowKey);
            foreach (var (name, value) in values)
            {
                change[name] = value;
            }

            await table.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Never listed (a release that was only received): nothing to update, and no partial row to create.
        }
    }
}
