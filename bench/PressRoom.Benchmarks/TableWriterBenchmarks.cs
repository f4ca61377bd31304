using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Benchmarks;

/// <summary>
/// <c>TableBatchWriter</c> against a private Azurite: the entity rows of the eight Arabic gold releases written as
/// <c>ReleaseEntities</c> (one partition, batches of 100) and as <c>EntityIndexV2</c> (four key shards; until issue 17's
/// layout change one partition per entity key). Entities/s = Rows / Mean.
/// Run: <c>dotnet run -c Release --project bench/PressRoom.Benchmarks -- --filter '*TableWriter*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class TableWriterBenchmarks
{
    AzuriteProcess? _azurite;
    string _dataDirectory = "";
    TableClient _entities = null!;
    TableClient _index = null!;
    List<ReleaseEntityRow> _entityRows = [];
    List<EntityIndexRow> _indexRows = [];

    /// <summary>Rows written per call (the same for both shapes), for entities/s.</summary>
    public int Rows => _entityRows.Count;

    [GlobalSetup]
    public void Setup()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("pressroom-bench-tables-").FullName;
        var options = new LocalRuntimeOptions
        {
            DataDirectory = _dataDirectory,
            AzuriteBlobPort = LoopbackPort.Free(),
            AzuriteQueuePort = LoopbackPort.Free(),
            AzuriteTablePort = LoopbackPort.Free(),
        };
        _azurite = AzuriteProcess.StartAsync(options, CancellationToken.None).GetAwaiter().GetResult();
        var storage = PressRoomStorage.FromConnectionString(_azurite.ConnectionString);
        _entities = storage.Tables.GetTableClient("BenchReleaseEntities");
        _index = storage.Tables.GetTableClient("BenchEntityIndex");
        _entities.CreateIfNotExists();
        _index.CreateIfNotExists();

        var extractor = new BuiltinEntityExtractor();
        var extracted = BenchCorpus.Releases("ar").SelectMany(text => extractor.Extract(new EntityRequest(text, "ar"))).ToList();
        _entityRows = ReleaseRows.Entities("bench-release", "ar", extracted).ToList();
        var record = new ReleaseRecord
        {
            ReleaseId = "bench-release",
            DocumentId = "bench",
            SourceBlob = "bench.txt",
            ContentSha256 = new string('0', 64),
            Status = ReleaseStatus.Completed,
            ReceivedAt = DateTimeOffset.UnixEpoch,
        };

        // One index row per entity key; keys are repeated with a suffix so both shapes write the same number of rows
        // (dates and numbers are not indexed, so here they stand in as organizations).
        var keyed = extracted.Select((e, i) => e with { Key = $"{e.Key}-{i % 7}", Category = ReleaseRows.IsIndexed(e.Category) ? e.Category : "Organization" }).ToList();
        _indexRows = ReleaseRows.Index(record, keyed).Take(_entityRows.Count).ToList();
        Console.WriteLine($"// rows: {_entityRows.Count} entity rows, {_indexRows.Count} index rows in {_indexRows.Select(r => r.PartitionKey).Distinct().Count()} partitions");
    }

    [Benchmark]
    public Task<int> ReleaseEntitiesOnePartition() => TableBatchWriter.UpsertAsync(_entities, _entityRows, CancellationToken.None);

    [Benchmark]
    public Task<int> EntityIndexKeyShards() => TableBatchWriter.UpsertAsync(_index, _indexRows, CancellationToken.None);

    [GlobalCleanup]
    public void Cleanup()
    {
        _azurite?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
