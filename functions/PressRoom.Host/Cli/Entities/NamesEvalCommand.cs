using System.Globalization;
using PressRoom.Pipeline.Entities.Builtin.Text;
using PressRoom.Pipeline.Entities.EnglishNames;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom eval --names FILE</c>: exact-match accuracy of the offline English names on a gold list
/// (Arabic, official English, kind), with how many were composed, looked up or romanized, and every miss.
/// Exit codes: 0 done, 2 the file is missing or holds no name.
/// </summary>
public sealed class NamesEvalCommand
{
    public async Task<int> RunAsync(string goldFile, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var gold = File.Exists(goldFile) ? NameEvaluation.Parse(await File.ReadAllTextAsync(goldFile, cancellationToken)) : [];
        if (gold.Count == 0)
        {
            await stdout.WriteLineAsync(EntityCliOutput.Error("NotFound", $"No names in '{goldFile}'."));
            return EntityCommand.Unreadable;
        }

        var report = NameEvaluation.Evaluate(gold, EnglishNameComposer.Default, Romanize);
        await stdout.WriteLineAsync($"English names on {goldFile}");
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"exact {report.Correct}/{report.Total} = {report.Accuracy:0.000}  (composed {report.Composed}, official table {report.LookedUp}, romanized {report.Romanized})"));
        foreach (var kind in report.Items.GroupBy(i => i.Gold.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var correct = kind.Count(i => i.Correct);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {kind.Key,-12} {correct,4}/{kind.Count(),-4} {(double)correct / kind.Count():0.000}"));
        }

        foreach (var miss in report.Items.Where(i => !i.Correct))
        {
            await stdout.WriteLineAsync($"  miss: {miss.Gold.Arabic} → {miss.Predicted} (gold: {miss.Gold.English})");
        }

        return EntityCommand.Success;
    }

    /// <summary>What the builtin extractor says for a name nothing composes: its romanization.</summary>
    internal static string Romanize(string arabic) => Romanizer.RomanizePhrase(ArabicFolding.FoldPhrase(arabic).Split(' '));
}
