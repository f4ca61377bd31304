using BenchmarkDotNet.Attributes;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Benchmarks;

/// <summary>
/// Issue 14: throughput of the FULL builtin extractor (rules + tagger) on Arabic and English text, 10 KB … 10 MB
/// (the project's gold releases repeated, <see cref="BenchCorpus"/>), against the rules alone. Target ≥ 2 MB/s per core.
/// MB/s = SizeBytes / Median. Run: <c>dotnet run -c Release --project bench/PressRoom.Benchmarks -- --filter '*EntityTagger*'</c>
/// Three processes, three warm-up and five measured calls each: one process with one warm-up measured the same code
/// at 2.4 and at 1.7 MB/s (fourteenth pass, docs/benchmarks.md), so a single launch says little.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 3, warmupCount: 3, iterationCount: 5)]
public class EntityTaggerBenchmarks
{
    readonly BuiltinEntityExtractor _full = new();
    readonly BuiltinEntityExtractor _rules = BuiltinEntityExtractor.Create(TaggerCombination.RulesOnly);
    readonly ChunkedEntityExtractor _chunked;
    string _text = "";

    public EntityTaggerBenchmarks() => _chunked = new(_full, ChunkedEntityExtractor.DefaultMaxChunkCharacters);

    [Params("ar", "en")]
    public string Language { get; set; } = "ar";

    /// <summary>Size of the analysed text in UTF-8 bytes.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeBytes { get; set; }

    /// <summary>
    /// 10 KB, 1 MB and 10 MB; PRESSROOM_BENCH_SIZES (comma-separated bytes) narrows a run on a busy machine, where the
    /// 10 MB cases take many minutes.
    /// </summary>
    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("PRESSROOM_BENCH_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [10_000, 1_000_000, 10_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchCorpus.Text(Language, SizeBytes);

        // Load lexicon and model outside the measurement.
        _full.Extract(new EntityRequest(Language == "ar" ? "الدوحة" : "Doha", Language));
    }

    [Benchmark(Baseline = true)]
    public int RulesOnly() => _rules.Extract(new EntityRequest(_text, Language, new DateOnly(2024, 3, 29))).Count;

    [Benchmark]
    public int RulesAndTagger() => _full.Extract(new EntityRequest(_text, Language, new DateOnly(2024, 3, 29))).Count;

    /// <summary>
    /// What the pipeline runs: the same extractor behind <see cref="ChunkedEntityExtractor"/> at its default chunk size
    /// (the same as <see cref="RulesAndTagger"/> up to 50,000 characters; larger texts in paragraph-aligned chunks).
    /// </summary>
    [Benchmark]
    public async Task<int> AsPipelineRunsIt() =>
        (await _chunked.ExtractAsync(new EntityRequest(_text, Language, new DateOnly(2024, 3, 29)), CancellationToken.None)).Entities.Count;
}

/// <summary>Model load: decompress and index one embedded model (what the first extraction of a process pays once).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TaggerModelLoadBenchmarks
{
    [Params("ar", "en")]
    public string Language { get; set; } = "ar";

    [Benchmark]
    public int Load()
    {
        using var stream = typeof(TaggerModels).Assembly.GetManifestResourceStream(TaggerModels.ResourcePrefix + Language + ".bin")!;
        return TaggerModelFormat.Read(stream).FeatureCount;
    }
}

/// <summary>Gazetteer load: read every embedded list and compile the trie (once per process, before the first extraction).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LexiconLoadBenchmarks
{
    [Benchmark]
    public int Load() => PressRoom.Pipeline.Entities.Builtin.Lexicon.BuiltinLexicon.Load().Trie.EntryCount;

    /// <summary>The English dictionary words of the tagger's feature (tenth pass), read once per process.</summary>
    [Benchmark]
    public int DictionaryWords() => PressRoom.Pipeline.Entities.Tagging.CommonWords.Load().Count;

    /// <summary>WordNet's people and places of the tagger's English name feature (fifteenth pass), read once per process.</summary>
    [Benchmark]
    public int KnownNames() => PressRoom.Pipeline.Entities.Tagging.KnownNames.Load().Count;
}
