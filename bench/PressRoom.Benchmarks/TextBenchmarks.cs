using BenchmarkDotNet.Attributes;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Language;

namespace PressRoom.Benchmarks;

/// <summary>
/// Language detection and sentence segmentation on the gold releases repeated to 10 KB and 1 MB, Arabic and English.
/// MB/s = SizeBytes / Mean. Run: <c>dotnet run -c Release --project bench/PressRoom.Benchmarks -- --filter '*TextBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TextBenchmarks
{
    readonly ScriptLanguageDetector _detector = new();
    string _text = "";

    [Params("ar", "en")]
    public string Language { get; set; } = "ar";

    /// <summary>Size of the text in UTF-8 bytes.</summary>
    [Params(10_000, 1_000_000)]
    public int SizeBytes { get; set; }

    [GlobalSetup]
    public void Setup() => _text = BenchCorpus.Text(Language, SizeBytes);

    [Benchmark]
    public string DetectLanguage() => _detector.Detect(_text).Language;

    [Benchmark]
    public int SegmentSentences() => SentenceSegmenter.Split(_text).Count;
}
