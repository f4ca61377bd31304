using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Translation;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Pipeline.Entities.Bilingual;

namespace PressRoom.Tests.AzureAI;

public sealed class BilingualEntityMergerTests
{
    static ExtractedEntity Entity(string text, string category, string within, string provider = "azure", string? english = null, string? value = null, int occurrence = 0)
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = within.IndexOf(text, offset + 1, StringComparison.Ordinal);
        }

        Assert.True(offset >= 0, $"'{text}' not in text");
        return new ExtractedEntity
        {
            Category = category,
            Text = text,
            Offset = offset,
            Length = text.Length,
            Key = EntityKeys.Make(category, value ?? english ?? text),
            English = english,
            Value = value,
            Provider = provider,
        };
    }

    [Fact]
    public async Task Mentions_are_paired_through_the_translation_alignment()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        string[] paragraphs = ["اجتماع في الدوحة", "عقدت وزارة الداخلية اجتماعا في الدوحة مع الأمم المتحدة."];
        var sourceText = string.Join("\n\n", paragraphs);
        var translation = await AzureAITestKit.Translation(fake).TranslateAsync(new TranslationRequest(paragraphs, "ar", "en"), CancellationToken.None);
        var englishText = string.Join("\n\n", translation.Paragraphs);
        ExtractedEntity[] source =
        [
            Entity("الدوحة", "Location", sourceText),
            Entity("وزارة الداخلية", "Organization", sourceText),
            Entity("الدوحة", "Location", sourceText, occurrence: 1),
            Entity("الأمم المتحدة", "Organization", sourceText),
        ];
        ExtractedEntity[] english =
        [
            Entity("Doha", "Location", englishText, english: "Doha"),
            Entity("Ministry of Interior", "Organization", englishText, english: "Ministry of Interior"),
            Entity("Doha", "Location", englishText, english: "Doha", occurrence: 1),
            Entity("United Nations", "Organization", englishText, english: "United Nations") with
            {
                Attributes = new Dictionary<string, string> { ["wikipediaUrl"] = "https://en.wikipedia.org/wiki/United_Nations" },
            },
        ];

        var merged = BilingualEntityMerger.Merge(sourceText, paragraphs, source, translation, english);

        Assert.Equal(4, merged.PairedByAlignment);
        Assert.Equal(["Doha", "Ministry of Interior", "Doha", "United Nations"], merged.Source.Select(e => e.English));
        Assert.Equal(merged.Source.Select(e => e.Key), merged.English.Select(e => e.Key));
        Assert.Equal("location:doha", merged.Source[0].Key);
        Assert.Equal("الدوحة", merged.English[2].Attributes!["source"]);
        Assert.Equal(english[2].Offset.ToString(System.Globalization.CultureInfo.InvariantCulture), merged.Source[2].Attributes!["englishOffset"]);
        Assert.Equal("https://en.wikipedia.org/wiki/United_Nations", merged.Source[3].Attributes!["wikipediaUrl"]);
        Assert.All(merged.Source, e => Assert.Equal("alignment", e.Attributes!["pairedBy"]));
    }

    [Fact]
    public void Without_alignment_names_and_values_pair_the_mentions()
    {
        string[] paragraphs = ["دعمت قطر المكتب بمبلغ 15 مليون دولار."];
        var sourceText = paragraphs[0];
        var translation = new TranslationResult
        {
            Provider = "azure",
            TargetLanguage = "en",
            Status = TranslationStatus.Translated,
            Paragraphs = ["Qatar supported the office with 15 million dollars."],
        };
        var englishText = translation.Paragraphs[0];
        ExtractedEntity[] source =
        [
            Entity("قطر", "Location", sourceText, provider: "builtin", english: "Qatar") with { Key = "location:qatar-house" },
            Entity("15 مليون دولار", "Quantity", sourceText, value: "15000000 USD"),
        ];
        ExtractedEntity[] english =
        [
            Entity("Qatar", "Location", englishText, english: "Qatar"),
            Entity("15 million dollars", "Quantity", englishText, value: "15000000 USD"),
        ];

        var merged = BilingualEntityMerger.Merge(sourceText, paragraphs, source, translation, english);

        Assert.Equal((0, 2), (merged.PairedByAlignment, merged.PairedByName));
        Assert.Equal("location:qatar-house", merged.English[0].Key); // the house gazetteer's key wins
        Assert.Equal("quantity:15000000-usd", merged.Source[1].Key);
        Assert.Equal("15 million dollars", merged.Source[1].English);
        Assert.Equal("15 مليون دولار", merged.English[1].Attributes!["source"]);
    }

    [Fact]
    public void Unmatched_mentions_keep_their_own_keys()
    {
        string[] paragraphs = ["زار الوفد المتحف."];
        var translation = new TranslationResult { Provider = "azure", TargetLanguage = "en", Status = TranslationStatus.Translated, Paragraphs = ["The delegation visited."] };
        var source = new[] { Entity("المتحف", "Location", paragraphs[0]) };

        var merged = BilingualEntityMerger.Merge(paragraphs[0], paragraphs, source, translation, []);

        Assert.Equal(source[0], merged.Source[0]);
        Assert.Equal(0, merged.PairedByAlignment + merged.PairedByName);
    }
}
