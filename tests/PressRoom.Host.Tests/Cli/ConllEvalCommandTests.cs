using PressRoom.Pipeline.Entities.Tagging;
using PressRoom.Host.Cli;

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
}
