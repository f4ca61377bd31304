using PressRoom.Pipeline.Entities.Tagging;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>Where the training recipe reads its corpora: ../shared/data/ner, or the project's own files in the repository.</summary>
public sealed class NerCorpusTests
{
    [Theory]
    [InlineData("en-gum/train.tsv", false, true, "en")]
    [InlineData("en-btc/train.tsv:nomisc", false, false, "en")]
    [InlineData("training/en-newswire/train.tsv", true, true, "en")]
    [InlineData("eval/newswire/en-newswire-dev.tsv", true, true, "en")]
    [InlineData("ar-anercorp/train.tsv", false, true, "ar")]
    public void A_corpus_argument_names_its_folder_its_misc_and_its_language(string argument, bool own, bool keepMisc, string language)
    {
        var corpus = NerCorpus.Parse(argument);

        Assert.Equal(own, corpus.Own);
        Assert.Equal(keepMisc, corpus.KeepMisc);
        Assert.Equal(argument == "training/en-newswire/train.tsv", corpus.WireLayout); // the recipe's flag, not a guess from the name
        Assert.True(corpus.IsLanguage(language));
        Assert.False(corpus.IsLanguage(language == "en" ? "ar" : "en"));
        var path = corpus.PathIn("shared-data", "repo");
        Assert.StartsWith(own ? "repo" : "shared-data", path, StringComparison.Ordinal);
        Assert.EndsWith(Path.GetFileName(argument.Split(':')[0]), path, StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_s_own_corpora_of_the_recipe_are_in_the_repository_and_well_formed()
    {
        var own = NerTraining.Train.Values.Concat(NerTraining.Dev.Values).SelectMany(c => c).Where(c => c.Own).ToList();
        Assert.NotEmpty(own);
        foreach (var corpus in own)
        {
            // ConllReader throws on a line that is not token TAB tag.
            var sentences = ConllReader.ReadFile(corpus.PathIn("unused", RepoPaths.Root));
            var types = sentences.SelectMany(s => ConllReader.Spans(s.Tags)).Select(s => s.Type).ToHashSet();
            Assert.True(sentences.Count > 500, $"{corpus.RelativePath}: {sentences.Count} sentences");
            Assert.Superset(new HashSet<string> { "PER", "LOC", "ORG" }, types);
        }
    }

    [Fact]
    public async Task Training_stops_with_a_reason_when_a_corpus_of_the_recipe_is_missing()
    {
        var empty = Directory.CreateTempSubdirectory("ner-data-").FullName;
        try
        {
            using var output = new StringWriter();
            var exit = await new NerTraining(output).RunAsync(empty, empty, Path.Combine(empty, "models"), ["en"], new TrainerOptions(), CancellationToken.None);

            Assert.Equal(2, exit);
            Assert.StartsWith("NotFound: no training corpus", output.ToString(), StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(empty, "models")));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
