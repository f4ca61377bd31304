using System.Globalization;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities.Evaluation;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom eval GOLD_DIR</c>: runs the extractor over every <c>*.gold.json</c> in the folder (the release file named by
/// its "doc" lies beside it) and prints per-category precision, recall and F1, strict and relaxed, with the micro average
/// over Person, Organization, Location, DateTime and Quantity — for all documents and per language.
/// Exit codes: 0 done, 2 the folder is missing or holds no gold file.
/// </summary>
public sealed class EvalCommand(IDocumentReader reader, IEntityExtractor extractor)
{
    public async Task<int> RunAsync(string goldDir, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (!Directory.Exists(goldDir) || Directory.GetFiles(goldDir, "*.gold.json").Length == 0)
        {
            await stdout.WriteLineAsync(EntityCliOutput.Error("NotFound", $"No *.gold.json files in '{goldDir}'."));
            return EntityCommand.Unreadable;
        }

        var results = await EvaluateAsync(goldDir, cancellationToken);
        await stdout.WriteLineAsync($"Entity evaluation of {extractor.Name} on {goldDir}");
        await WriteAsync(stdout, "all", EntityEvaluator.Evaluate(results));
        foreach (var language in results.Select(r => r.Gold.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await WriteAsync(stdout, language, EntityEvaluator.Evaluate(results.Where(r => r.Gold.Language == language)));
        }

        return EntityCommand.Success;
    }

    /// <summary>Gold documents with the extractor's output for each, in file-name order.</summary>
    public async Task<List<(GoldDocument Gold, IReadOnlyList<ExtractedEntity> Predicted)>> EvaluateAsync(string goldDir, CancellationToken cancellationToken)
    {
        var results = new List<(GoldDocument, IReadOnlyList<ExtractedEntity>)>();
        foreach (var goldFile in Directory.GetFiles(goldDir, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var gold = GoldDocument.Parse(await File.ReadAllTextAsync(goldFile, cancellationToken));
            var path = Path.Combine(Path.GetDirectoryName(goldFile)!, gold.Doc);
            await using var stream = File.OpenRead(path);
            var document = await reader.ReadAsync(stream, gold.Doc, cancellationToken);
            var result = await extractor.ExtractAsync(new EntityRequest(document.Text, gold.Language, document.Dateline?.Date), cancellationToken);
            results.Add((gold, result.Entities));
        }

        return results;
    }

    static async Task WriteAsync(TextWriter stdout, string label, EvaluationReport report)
    {
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"[{label}] {report.Documents} documents");
        await stdout.WriteLineAsync($"{"category",-14} {"strict P",8} {"R",6} {"F1",6}   {"relaxed P",9} {"R",6} {"F1",6}   {"gold",5} {"pred",5}");
        for (var i = 0; i < report.Strict.Count; i++)
        {
            await stdout.WriteLineAsync(Line(report.Strict[i], report.Relaxed[i]));
        }

        await stdout.WriteLineAsync(Line(report.StrictMicro, report.RelaxedMicro));
    }

    static string Line(CategoryScore strict, CategoryScore relaxed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{strict.Category,-14} {strict.Precision,8:0.000} {strict.Recall,6:0.000} {strict.F1,6:0.000}   {relaxed.Precision,9:0.000} {relaxed.Recall,6:0.000} {relaxed.F1,6:0.000}   {strict.Gold,5} {strict.Predicted,5}");
}
