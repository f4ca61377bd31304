using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Language;

namespace PressRoom.Benchmarks.Documents;

/// <summary>
/// Reads a ~20 MB release in each format end to end (sniff, extract, assemble, hash). MB/s = original size / mean time.
/// Limits are raised so the big inputs are read, not rejected.
/// </summary>
[MemoryDiagnoser]
public class DocumentReaderBenchmarks
{
    byte[] input = [];
    DocumentReader reader = null!;

    [Params("txt", "md", "html", "eml", "docx", "pdf")]
    public string Format { get; set; } = "txt";

    [GlobalSetup]
    public void Setup()
    {
        input = BenchmarkInputs.Create(Format);
        reader = CreateReader();
        Console.WriteLine($"// {Format}: {input.Length / 1024d / 1024d:0.00} MB input");
    }

    [Benchmark]
    public int Read() => reader.Read(input, "release." + Format, CancellationToken.None).CharacterCount;

    public static DocumentReader CreateReader() => new(
        Options.Create(new DocumentLimits
        {
            MaxOriginalBytes = 64L * 1024 * 1024,
            MaxTextCharacters = 200_000_000,
            MaxPages = 100_000,
            MaxUncompressedBytes = 2L * 1024 * 1024 * 1024,
            MaxExpansionRatio = 1000,

            // The ~20 MB inputs measure reading speed, not the budgets (see BombProbe for those).
            MaxHtmlElements = int.MaxValue,
            MaxXmlPartBytes = 2L * 1024 * 1024 * 1024,
            MaxPdfGlyphs = int.MaxValue,
            MaxPdfStreamBytes = 2L * 1024 * 1024 * 1024,
            MaxPdfDecodedBytes = 2L * 1024 * 1024 * 1024,
        }),
        new ScriptLanguageDetector(),
        TimeProvider.System,
        NullLogger<DocumentReader>.Instance);
}
