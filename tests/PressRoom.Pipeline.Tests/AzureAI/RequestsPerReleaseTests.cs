using PressRoom.Pipeline.Language;
using System.Globalization;
using System.Text;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Documents;
using PressRoom.Tests.Infrastructure;
using Xunit.Abstractions;
using PressRoom.Pipeline.Entities.AzureLanguage;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Tests.AzureAI;

/// <summary>
/// Requests per release, computed by the real planners (no HTTP): Translator calls against ceil(characters ÷ 50,000)
/// per target, NER calls against ceil(chunks ÷ 5). The printed table is the one recorded in docs/benchmarks.md.
/// </summary>
public sealed class RequestsPerReleaseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Requests_per_release_follow_the_service_limits()
    {
        var planner = new TranslationPlanner(new TextChunker());
        var chunker = new LanguageDocumentChunker(new TextChunker(), new AzureAIOptions().MaxDocumentTextElements);
        await using var seedFile = File.OpenRead(RepoPaths.SeedRelease);
        var reader = new DocumentReader(Microsoft.Extensions.Options.Options.Create(new DocumentLimits()), new ScriptLanguageDetector(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DocumentReader>.Instance);
        var seed = await reader.ReadAsync(seedFile, "seed.txt", CancellationToken.None);
        var releases = new List<(string Name, IReadOnlyList<string> Paragraphs)> { ("seed release", [seed.Title, .. seed.Paragraphs]) };
        foreach (var size in new[] { 10_000, 50_000, 120_000, 250_000 })
        {
            releases.Add(($"synthetic {size / 1000}k", Synthetic(size)));
        }

        var table = new StringBuilder("| release | characters | paragraphs | targets | translator calls | ceil(sent × targets ÷ 50,000) | NER chunks | NER calls | ceil(chunks ÷ 5) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (name, paragraphs) in releases)
        {
            var text = string.Join("\n\n", paragraphs);
            var characters = TextMeasure.CodePoints(text);
            var chunks = chunker.Chunk(text).Count;
            var nerCalls = (int)Math.Ceiling(chunks / (double)LanguageClient.MaxDocumentsPerRequest);
            Assert.Equal((int)Math.Ceiling(chunks / 5.0), nerCalls);
            Assert.InRange(chunks, (int)Math.Ceiling(text.Length / 5000.0), (int)Math.Ceiling(text.Length / 5000.0) + 1);
            foreach (var targets in new[] { 1, 2 })
            {
                var plan = planner.Plan(paragraphs, TranslatorGlossary.Empty, targets);
                var sent = plan.Elements.Sum(e => e.CodePoints);
                var minimum = (int)Math.Ceiling(sent * targets / 50_000.0);
                Assert.InRange(plan.Requests.Count, minimum, minimum + 1);
                table.Append(CultureInfo.InvariantCulture, $"| {name} | {characters:N0} | {paragraphs.Count} | {targets} | {plan.Requests.Count} | {minimum} | {chunks} | {nerCalls} | {(int)Math.Ceiling(chunks / 5.0)} |\n");
            }
        }

        output.WriteLine(table.ToString());
    }

    /// <summary>A release of about <paramref name="size"/> characters in paragraphs of 400–2,000 characters.</summary>
    static List<string> Synthetic(int size)
    {
        var paragraphs = new List<string> { "بيان صحفي عن التعاون الإقليمي" };
        var total = paragraphs[0].Length;
        var random = new Random(size);
        while (total < size)
        {
            var length = Math.Min(random.Next(400, 2000), Math.Max(50, size - total));
            paragraphs.Add(TranslatorContractTests.Paragraph(paragraphs.Count, length));
            total += length + 2;
        }

        return paragraphs;
    }
}
