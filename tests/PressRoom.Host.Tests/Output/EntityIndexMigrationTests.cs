using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>
/// <c>pressroom migrate</c> over real Azurite: rows of the first index layout (partition = entity key) are copied into
/// <c>EntityIndexV2</c>, readable through the listing API, with each release's status as <c>Releases</c> has it now.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntityIndexMigrationTests(AzuriteFixture azurite)
{
    static readonly DateTimeOffset Earlier = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Later = new(2026, 11, 9, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Old_index_rows_are_copied_to_the_new_layout_with_current_statuses_and_a_second_run_changes_nothing()
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var document = $"doc{suffix}";
        var (v1, v2) = ($"{document}-0001", $"{document}-0002");
        var key = $"person:migrated-{suffix}";

        // v1 was superseded after the upgrade: its Releases row says so, its old index row still says Completed.
        await storage.ReleasesTable.UpsertEntityAsync(new TableEntity(document, v1) { ["ReleaseId"] = v1, ["Status"] = ReleaseStatus.Superseded, ["SupersededBy"] = v2 });
        await storage.ReleasesTable.UpsertEntityAsync(new TableEntity(document, v2) { ["ReleaseId"] = v2, ["Status"] = ReleaseStatus.Completed });
        var legacy = storage.Tables.GetTableClient(StorageNames.LegacyEntityIndexTable);
        await legacy.CreateIfNotExistsAsync();
        foreach (var (release, at) in new[] { (v1, Earlier), (v2, Later) })
        {
            await legacy.UpsertEntityAsync(new TableEntity(TableKeys.Sanitize(key), TableKeys.NewestFirst(at, release))
            {
                ["SchemaVersion"] = ReleaseRecord.CurrentSchemaVersion, ["EntityKey"] = key, ["Category"] = "Person", ["Text"] = "زاهر",
                ["Mentions"] = 2, ["ReleaseId"] = release, ["DocumentId"] = document, ["Status"] = ReleaseStatus.Completed, ["ReceivedAt"] = at,
            });
        }

        var migration = new EntityIndexMigration(storage, NullLogger<EntityIndexMigration>.Instance);
        var first = await migration.RunAsync(CancellationToken.None);

        Assert.True(first.LegacyRows >= 2, $"read {first.LegacyRows} old rows");
        Assert.Equal(first.LegacyRows, first.Copied);
        var page = await new ReleaseListing(storage).ListAsync(new ReleaseListQuery { EntityKey = key }, CancellationToken.None);
        Assert.Equal([v2, v1], page.Items.Select(i => i.ReleaseId));
        Assert.Equal([ReleaseStatus.Completed, ReleaseStatus.Superseded], page.Items.Select(i => i.Status));
        Assert.Equal(v2, page.Items[1].SupersededBy);

        var rows = await OutputContract.IndexRowsAsync(storage.EntityIndexTable, key);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(TableKeys.EntityIndexPartition(key), r.PartitionKey));
        Assert.All(rows, r => Assert.Equal(2, r.GetInt32("Mentions")));

        var second = await migration.RunAsync(CancellationToken.None);
        Assert.Equal(second.LegacyRows, second.Copied);
        Assert.Equal(2, (await OutputContract.IndexRowsAsync(storage.EntityIndexTable, key)).Count);

        // Pages and time bounds stay inside the key's row-key range.
        var listing = new ReleaseListing(storage);
        var newest = await listing.ListAsync(new ReleaseListQuery { EntityKey = key, Top = 1 }, CancellationToken.None);
        Assert.Equal(v2, Assert.Single(newest.Items).ReleaseId);
        var next = await listing.ListAsync(new ReleaseListQuery { EntityKey = key, Top = 1, Continuation = newest.Continuation }, CancellationToken.None);
        Assert.Equal(v1, Assert.Single(next.Items).ReleaseId);
        Assert.Null(next.Continuation);
        Assert.Equal(v2, Assert.Single((await listing.ListAsync(new ReleaseListQuery { EntityKey = key, Since = Later }, CancellationToken.None)).Items).ReleaseId);
        Assert.Equal(v1, Assert.Single((await listing.ListAsync(new ReleaseListQuery { EntityKey = key, Until = Earlier.AddDays(1) }, CancellationToken.None)).Items).ReleaseId);
    }
}
