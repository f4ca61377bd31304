using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>
/// A release that names the same entities thousands of times stores one <c>ReleaseEntities</c> row per distinct entity,
/// with the exact count and a capped list of offsets, on real Azurite; release.json keeps every mention and the name
/// search still finds the entities.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BoundedSaveTests(AzuriteFixture azurite)
{
    const int Repeats = 1_500;
    const int Cap = 8;

    [Fact]
    public async Task Repeated_mentions_are_stored_once_per_entity_with_their_count_and_capped_offsets()
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var artifacts = new ReleaseArtifacts(storage);
        var names = new EntityNameWriter(storage, TimeProvider.System);
        var writer = new ReleaseEntityWriter(storage, names, Options.Create(new SaveOptions { MaxMentionOffsets = Cap }), NullLogger<ReleaseEntityWriter>.Instance);
        var lifecycle = new ReleaseLifecycle(storage, artifacts, new ReleaseEventPublisher(storage, TimeProvider.System, NullLogger<ReleaseEventPublisher>.Instance),
            writer, TimeProvider.System, NullLogger<ReleaseLifecycle>.Instance);
        var save = new SaveResultsActivity(artifacts, lifecycle, NullLogger<SaveResultsActivity>.Instance);

        // A unique English surname per run, so the search below can only find this run's entity.
        var surname = "Qel" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Concat("mindor").Take(6).ToArray());
        var suffix = Guid.NewGuid().ToString("N")[..10];
        const string sentence = "التقى السيد زاهر القلمي بوزير الخارجية في القاهرة يوم الاثنين.\n\n";
        var text = "عنوان البيان\n\n" + string.Concat(Enumerable.Repeat(sentence, Repeats));
        var entities = new List<ExtractedEntity>();
        for (int i = 0, at = 0; i < Repeats; i++)
        {
            at = text.IndexOf("زاهر", at, StringComparison.Ordinal);
            entities.Add(new ExtractedEntity { Category = "Person", Text = "زاهر القلمي", Offset = at, Length = 11, Key = $"person:zaher-{suffix}", English = $"Zaher {surname}", Confidence = 0.9 });
            var place = text.IndexOf("القاهرة", at, StringComparison.Ordinal);
            entities.Add(new ExtractedEntity { Category = "Location", Text = "القاهرة", Offset = place, Length = 7, Key = $"location:cairo-{suffix}", English = "Cairo", Confidence = 0.9 });
            var day = text.IndexOf("الاثنين", at, StringComparison.Ordinal);
            entities.Add(new ExtractedEntity { Category = "DateTime", Text = "يوم الاثنين", Offset = day - 4, Length = 11, Key = $"datetime:monday-{suffix}", Confidence = 0.8 });
            at = day;
        }

        var input = await EventPublisherTests.SavedInputAsync(artifacts, $"bounded/{suffix}.txt", entities, text);
        var outcome = await save.ExecuteAsync(input, CancellationToken.None);
        Assert.Equal(ReleaseStatus.Completed, outcome.Status);
        var releaseId = input.Release.ReleaseId;

        // ReleaseEntities: three rows, not 4,500; each with the exact count, the first mention and at most Cap offsets.
        var rows = await OutputContract.RowsAsync(storage.EntitiesTable, TableKeys.Sanitize(releaseId));
        Assert.Equal(3, rows.Count);
        OutputContract.AssertRowsMatch(StorageNames.ReleaseEntitiesTable, rows);
        var person = Assert.Single(rows, r => r.GetString("EntityKey") == $"person:zaher-{suffix}");
        Assert.Equal(Repeats, person.GetInt32("MentionCount"));
        Assert.Equal("ar-00000", person.RowKey);
        var offsets = JsonSerializer.Deserialize<int[]>(person.GetString("MentionOffsets")!)!;
        Assert.Equal(entities.Where(e => e.Category == "Person").Take(Cap).Select(e => e.Offset), offsets);
        Assert.Equal(offsets[0], person.GetInt32("Offset"));
        Assert.All(rows, r => Assert.Equal(Repeats, r.GetInt32("MentionCount")));
        Assert.All(rows, r => Assert.Equal(Cap, JsonSerializer.Deserialize<int[]>(r.GetString("MentionOffsets")!)!.Length));
        Assert.Equal(["ar-00000", "ar-00001", "ar-00002"], rows.Select(r => r.RowKey).Order(StringComparer.Ordinal));

        // The entity index: one row per key, counting every mention.
        var index = await OutputContract.IndexRowsAsync(storage.EntityIndexTable, $"person:zaher-{suffix}");
        Assert.Equal(Repeats, Assert.Single(index).GetInt32("Mentions"));

        // Dates are not indexed (neither are numbers): no index rows, while ReleaseEntities keeps the row.
        Assert.Empty(await OutputContract.IndexRowsAsync(storage.EntityIndexTable, $"datetime:monday-{suffix}"));
        Assert.Single(rows, r => r.GetString("EntityKey") == $"datetime:monday-{suffix}");

        // release.json keeps the full list.
        var record = JsonSerializer.Deserialize<ReleaseRecord>((await storage.ProcessedContainer.GetBlobClient($"{releaseId}/release.json").DownloadContentAsync()).Value.Content.ToString(), PressRoomJson.Options)!;
        Assert.Equal(entities.Count, record.Entities["ar"].Count);

        // The name search finds the person by the English surname and by the Arabic name; dates are not names.
        var search = new EntitySearch(storage);
        Assert.Contains(await search.SearchAsync(surname, null, 50, CancellationToken.None), m => m.Key == $"person:zaher-{suffix}");
        Assert.Contains(await search.SearchAsync("زاهر القلمي", "Person", 50, CancellationToken.None), m => m.Key == $"person:zaher-{suffix}");
        var nameRows = await OutputContract.RowsAsync(storage.EntityNamesTable);
        Assert.DoesNotContain(nameRows, r => r.GetString("EntityKey") == $"datetime:monday-{suffix}");

        // Saved again (an activity replay): the name rows are fresh, so none is rewritten, and the rows stay three.
        Assert.Equal(0, await names.WriteAsync(ReleaseRows.Names(record, record.Entities["ar"]), CancellationToken.None));
        await save.ExecuteAsync(input, CancellationToken.None);
        Assert.Equal(3, (await OutputContract.RowsAsync(storage.EntitiesTable, TableKeys.Sanitize(releaseId))).Count);
    }

    [Fact]
    public void The_batch_plan_streams_and_holds_a_bounded_number_of_rows()
    {
        // 5,000 rows in 5,000 partitions: batches come out before the source is exhausted.
        int produced = 0;
        IEnumerable<Azure.Data.Tables.ITableEntity> Rows()
        {
            for (int i = 0; i < 5_000; i++)
            {
                produced++;
                yield return new Azure.Data.Tables.TableEntity($"p{i}", "r");
            }
        }

        using var plan = TableBatchWriter.Plan(Rows()).GetEnumerator();
        Assert.True(plan.MoveNext());
        Assert.InRange(produced, 1, TableBatchWriter.MaxBufferedRows);

        // One partition: full batches of 100 leave at once.
        produced = 0;
        IEnumerable<Azure.Data.Tables.ITableEntity> OnePartition()
        {
            for (int i = 0; i < 1_000; i++)
            {
                produced++;
                yield return new Azure.Data.Tables.TableEntity("p", $"r{i:D4}");
            }
        }

        using var single = TableBatchWriter.Plan(OnePartition()).GetEnumerator();
        Assert.True(single.MoveNext());
        Assert.Equal(TableBatchWriter.MaxOperations, single.Current.Count);
        Assert.Equal(TableBatchWriter.MaxOperations, produced);
    }
}
