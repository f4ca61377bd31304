using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom eval FILE.tsv --conll [--language ar|en]</c>: strict span P/R/F1 per type and micro of the full builtin
/// extractor on a CoNLL file (see <see cref="ConllEvaluator"/>). The language defaults to Arabic when the file holds
/// Arabic letters; <c>--model FILE</c> scores a model file instead of the committed one. Exit codes: 0 done, 2 the file
/// or the model is missing or not in its format.
/// </summary>
public static class ConllEvalCommand
{
    public static async Task<int> RunAsync(string file, string? language, TaggerCombination? combination, TextWriter stdout, bool errors, CancellationToken cancellationToken, string? modelFile = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        List<ConllSentence> sentences;
        try
        {
            sentences = ConllReader.ReadFile(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            await stdout.WriteLineAsync(EntityCliOutput.Error(ex is FormatException ? "InvalidFormat" : "NotFound", ex.Message));
            return 2;
        }

        // Most tokens decide: tweets in an English corpus may quote a word of Arabic.
        language ??= sentences.SelectMany(s => s.Tokens).Count(t => t.Any(ArabicFolding.IsArabicLetter)) * 2 > sentences.Sum(s => s.Tokens.Count) ? "ar" : "en";
        var mode = combination ?? BuiltinEntityExtractor.DefaultCombination;
        BuiltinEntityExtractor extractor;
        try
        {
            extractor = modelFile is null || mode == TaggerCombination.RulesOnly ? BuiltinEntityExtractor.Create(mode) : BuiltinEntityExtractor.FromModelFile(modelFile, mode);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await stdout.WriteLineAsync(EntityCliOutput.Error(ex is InvalidDataException ? "InvalidModel" : "NotFound", ex.Message));
            return 2;
        }

        var lines = new List<string>();
        var report = ConllEvaluator.Evaluate(sentences, language, extractor, errors ? lines.Add : null, cancellationToken);
        foreach (var line in lines)
        {
            await stdout.WriteLineAsync(line);
        }

        await stdout.WriteLineAsync($"CoNLL strict span evaluation of builtin ({mode}, model {extractor.ModelVersion(language) ?? "none"}) on {file} [{language}], {sentences.Count} sentences");
        foreach (var score in report.PerType.Append(report.Micro))
        {
            await stdout.WriteLineAsync(score.ToString());
        }

        return 0;
    }
}
