using System.Text;
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
        var corpus = string.Join("\n\n", ArabicReleases());
        var builder = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < SizeBytes)
        {
            builder.Append(corpus).Append("\n\n");
            if (builder.Length > SizeBytes)
            {
                break;
            }
        }

        // Trim to the requested UTF-8 size on a word boundary.
        var text = builder.ToString();
        var bytes = Encoding.UTF8.GetBytes(text);
        var cut = Encoding.UTF8.GetString(bytes, 0, Math.Min(SizeBytes, bytes.Length));
        var space = cut.LastIndexOf(' ');
        _text = space > 0 ? cut[..space] : cut;

        // Warm the gazetteer once outside the measurement.
        _extractor.Extract(new EntityRequest("الدوحة", "ar"));
    }

    [Benchmark]
    public int ExtractArabic() => _extractor.Extract(new EntityRequest(_text, "ar", new DateOnly(2024, 3, 29))).Count;

    static IEnumerable<string> ArabicReleases()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        var gold = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "eval", "gold");
        return Directory.GetFiles(gold, "ar-*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);
    }
}
