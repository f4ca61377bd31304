using BenchmarkDotNet.Attributes;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;

namespace PressRoom.Benchmarks;

/// <summary>
/// Arabic throughput of the builtin entity extractor from 1 KB to 10 MB of text (the project's Arabic gold releases,
/// repeated). Target: ≥ 5 MB/s on one core and time growing linearly with size. MB/s = SizeBytes / Mean.
/// Run: <c>dotnet run -c Release --project bench/PressRoom.Benchmarks -- --filter '*BuiltinEntity*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class BuiltinEntityBenchmarks
{
    readonly BuiltinEntityExtractor _extractor = new();
    string _text = "";

    /// <summary>Size of the analysed text in UTF-8 bytes.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000, 10_000_000)]
    public int SizeBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchCorpus.Text("ar", SizeBytes);

        // Warm the gazetteer once outside the measurement.
        _extractor.Extract(new EntityRequest("الدوحة", "ar"));
    }

    [Benchmark]
    public int ExtractArabic() => _extractor.Extract(new EntityRequest(_text, "ar", new DateOnly(2024, 3, 29))).Count;
}
