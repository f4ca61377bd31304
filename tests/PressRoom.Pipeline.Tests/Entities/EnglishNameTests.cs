using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Host.Cli;
using PressRoom.Pipeline.Entities.EnglishNames;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Entities;

/// <summary>English names of Arabic institutions, roles and events without any model (issue 15, part 2).</summary>
public sealed class EnglishNameTests
{
    static string GoldFile => Path.Combine(RepoPaths.Root, "eval", "names", "institutions.tsv");

    [Theory]
    [InlineData("وزارة الخارجية", "Ministry of Foreign Affairs")]
    [InlineData("وزارة الداخلية", "Ministry of Interior")]
    [InlineData("المكتب الإعلامي", "Media Office")]
    [InlineData("إدارة التعاون الدولي", "International Cooperation Department")]
    [InlineData("الحوار الاستراتيجي الرابع", "Fourth Strategic Dialogue")]
    [InlineData("صندوق الأمم المتحدة الاستئماني لمكافحة الإرهاب", "United Nations Trust Fund for Counter-Terrorism")]
    [InlineData("المندوب الدائم لدى الأمم المتحدة", "Permanent Representative to the United Nations")]
    [InlineData("وزارة التجارة والصناعة", "Ministry of Commerce and Industry")]
    [InlineData("اللجنة الوطنية لحقوق الإنسان", "National Human Rights Committee")]
    [InlineData("مدير إدارة التعاون الدولي", "Director of the International Cooperation Department")]
    public void Composes_names_from_the_issue_in_English_order(string arabic, string english)
    {
        var name = EnglishNameComposer.Default.Compose(arabic);

        Assert.NotNull(name);
        Assert.Equal(english, name.Text);
        Assert.Equal(EnglishNameSource.Composed, name.Source);
    }

    [Fact]
    public void Unknown_words_are_not_half_translated()
    {
        Assert.Null(EnglishNameComposer.Default.Compose("وزارة الفلانية العجيبة"));
        Assert.Null(EnglishNameComposer.Default.Compose("الدولية"));
    }

    [Fact]
    public void Slavic_surnames_keep_their_usual_spelling()
    {
        Assert.Equal("Voronkov", NamesEvalCommand.Romanize("فورونكوف"));
        Assert.Equal("Lavrov", NamesEvalCommand.Romanize("لافروف"));
    }

    [Fact]
    public void Gold_list_scores_at_least_ninety_percent_exact_and_mostly_by_composition()
    {
        var gold = NameEvaluation.Parse(File.ReadAllText(GoldFile));
        var report = NameEvaluation.Evaluate(gold, EnglishNameComposer.Default, NamesEvalCommand.Romanize);

        Assert.True(gold.Count >= 150, $"gold list has {gold.Count} names");
        Assert.True(report.Accuracy >= 0.90, $"exact {report.Correct}/{report.Total}; misses: "
            + string.Join("; ", report.Items.Where(i => !i.Correct).Select(i => $"{i.Gold.Arabic} → {i.Predicted}")));
        Assert.True(report.Composed >= report.Total * 3 / 4, $"only {report.Composed} of {report.Total} composed");
    }

    [Fact]
    public void Official_table_holds_only_names_composition_cannot_produce()
    {
        var composeOnly = new EnglishNameComposer(NameLexicon.Default, useOfficialNames: false);
        foreach (var (arabic, english) in NameLexicon.Default.OfficialTable)
        {
            var composed = composeOnly.Compose(arabic);
            Assert.False(composed is not null && NameMatch.Same(composed.Text, english), $"'{arabic}' composes to '{english}': drop it from official-names.tsv");
        }
    }

    [Theory]
    [InlineData("Centre for Human Rights", "center for human rights")]
    [InlineData("the United Nations Development Programme", "united nations development program")]
    [InlineData("Counter-Terrorism Committee", "counter terrorism committee")]
    [InlineData("International Labour Organisation", "international labor organization")]
    public void Scoring_ignores_case_hyphens_article_and_spelling_variants(string name, string normalized) =>
        Assert.Equal(normalized, NameMatch.Normalize(name));

    [Fact]
    public async Task Arabic_and_English_mentions_of_one_body_share_one_key()
    {
        var extractor = new BuiltinEntityExtractor();
        var arabic = await extractor.ExtractAsync(new EntityRequest("وأعلنت وزارة الداخلية اليوم عن إطلاق الحملة.", "ar", null), CancellationToken.None);
        var english = await extractor.ExtractAsync(new EntityRequest("The Ministry of Interior announced the campaign today.", "en", null), CancellationToken.None);

        var arabicKey = Assert.Single(arabic.Entities, e => e.Category == "Organization").Key;
        var englishKey = Assert.Single(english.Entities, e => e.Category == "Organization").Key;
        Assert.Equal("organization:ministry-of-interior", arabicKey);
        Assert.Equal(arabicKey, englishKey);
    }

    [Fact]
    public async Task Eval_names_mode_prints_accuracy_and_sources()
    {
        using var output = new StringWriter();

        var exit = await new NamesEvalCommand().RunAsync(GoldFile, output, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Matches(@"exact \d+/\d+ = 0\.9\d\d  \(composed \d+, official table \d+, romanized \d+\)", output.ToString());
    }

    [Fact]
    public async Task Eval_names_mode_rejects_a_missing_list()
    {
        using var output = new StringWriter();

        var exit = await new NamesEvalCommand().RunAsync(Path.Combine(RepoPaths.Root, "eval", "names", "missing.tsv"), output, CancellationToken.None);

        Assert.Equal(EntityCommand.Unreadable, exit);
        Assert.Contains("NotFound", output.ToString(), StringComparison.Ordinal);
    }
}
