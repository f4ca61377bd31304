using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Language;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;

namespace PressRoom.Host.Bench;

/// <summary>The same releases through the pipeline's components called in process: no orchestration, no storage.</summary>
public static class DirectBench
{
    public static async Task<(int Releases, double Seconds)> RunAsync(IServiceProvider services, int releases, int seed, CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<IDocumentReader>();
        var detector = services.GetRequiredService<ILanguageDetector>();
        var translator = services.GetRequiredService<ITranslationProvider>();
        var extractor = services.GetRequiredService<IEntityExtractor>();
        var generator = new ReleaseGenerator(seed);
        var documents = Enumerable.Range(0, releases).Select(generator.Next).ToList();

        var clock = Stopwatch.StartNew();
        foreach (var (name, text) in documents)
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var document = await reader.ReadAsync(content, name, cancellationToken);
            var language = detector.Detect(document.Text);
            var paragraphs = document.Paragraphs.Prepend(document.Title).ToList();
            var translation = language.Language == "en"
                ? null
                : await translator.TranslateAsync(new TranslationRequest(paragraphs, language.Language, "en"), cancellationToken);
            var entities = await extractor.ExtractAsync(new EntityRequest(document.Text, language.Language, document.Dateline?.Date), cancellationToken);

            // What SaveResults would write, serialized but not stored.
            _ = JsonSerializer.SerializeToUtf8Bytes(new { document, language, translation, entities }, PressRoomJson.Options);
        }

        return (releases, clock.Elapsed.TotalSeconds);
    }
}
