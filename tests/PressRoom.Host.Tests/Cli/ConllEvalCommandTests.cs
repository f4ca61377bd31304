using PressRoom.Pipeline.Entities.Tagging;
using PressRoom.Host.Cli;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary><c>pressroom eval FILE --conll</c>: per-type and micro lines on a valid file, exit 2 with a reason code otherwise.</summary>
public sealed class ConllEvalCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("conll-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Scores_a_conll_file_per_type_and_micro()
    {
        var file = Path.Combine(_dir, "en.tsv");
        await File.WriteAllTextAsync(file, "Bill\tB-PER\nClinton\tI-PER\nvisited\tO\nChicago\tB-LOC\n.\tO\n\n");
        using var output = new StringWriter();

        var exit = await ConllEvalCommand.RunAsync(file, null, null, output, errors: true, CancellationToken.None);

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("[en]", text, StringComparison.Ordinal);
        Assert.Contains("model ner-en-", text, StringComparison.Ordinal);
        foreach (var type in new[] { "PER ", "LOC ", "ORG ", "micro " })
        {
            Assert.Contains(type, text, StringComparison.Ordinal);
        }

        Assert.Contains("micro  P 1.000  R 1.000  F1 1.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_malformed_file_exits_2_with_a_reason()
    {
        using var missing = new StringWriter();
        Assert.Equal(2, await ConllEvalCommand.RunAsync(Path.Combine(_dir, "none.tsv"), "ar", null, missing, errors: false, CancellationToken.None));
        Assert.Contains("\"NotFound\"", missing.ToString(), StringComparison.Ordinal);

        var bad = Path.Combine(_dir, "bad.tsv");
        await File.WriteAllTextAsync(bad, "no tab on this line\n");
        using var malformed = new StringWriter();
        Assert.Equal(2, await ConllEvalCommand.RunAsync(bad, "en", null, malformed, errors: false, CancellationToken.None));
        Assert.Contains("\"InvalidFormat\"", malformed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_file_is_scored_in_place_of_the_committed_model()
    {
        var file = Path.Combine(_dir, "en.tsv");
        await File.WriteAllTextAsync(file, "Bill\tB-PER\nClinton\tI-PER\nvisited\tO\nChicago\tB-LOC\n.\tO\n\n");

        // The committed file read from disk: same version as the embedded one, so the line names it.
        var model = Path.Combine(RepoPaths.Root, "functions", "PressRoom.Pipeline", "Entities", "Tagging", "Models", "ner-en.bin");
        using var output = new StringWriter();
        Assert.Equal(0, await ConllEvalCommand.RunAsync(file, "en", null, output, errors: false, CancellationToken.None, model));
        Assert.Contains("model ner-en-", output.ToString(), StringComparison.Ordinal);

        // An Arabic model scoring English text leaves English to the rules alone: no model version on the line.
        var arabic = Path.Combine(Path.GetDirectoryName(model)!, "ner-ar.bin");
        using var rulesOnly = new StringWriter();
        Assert.Equal(0, await ConllEvalCommand.RunAsync(file, "en", null, rulesOnly, errors: false, CancellationToken.None, arabic));
        Assert.Contains("model none", rulesOnly.ToString(), StringComparison.Ordinal);

        var notAModel = Path.Combine(_dir, "model.bin");
        await File.WriteAllTextAsync(notAModel, "not a model");
        using var invalid = new StringWriter();
        Assert.Equal(2, await ConllEvalCommand.RunAsync(file, "en", null, invalid, errors: false, CancellationToken.None, notAModel));
        Assert.Contains("\"InvalidModel\"", invalid.ToString(), StringComparison.Ordinal);

        using var missing = new StringWriter();
        Assert.Equal(2, await ConllEvalCommand.RunAsync(file, "en", null, missing, errors: false, CancellationToken.None, Path.Combine(_dir, "none.bin")));
        Assert.Contains("\"NotFound\"", missing.ToString(), StringComparison.Ordinal);
    }
}
