using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Evaluation;

namespace PressRoom.Tests.Entities;

public sealed class EvaluationTests
{
    static ExtractedEntity Predicted(string category, string text) =>
        new() { Category = category, Text = text, Offset = 0, Length = text.Length, Key = "k" };

    [Fact]
    public void Normalization_folds_letters_and_leading_clitics()
    {
        Assert.Equal(EntityTextNormalizer.Normalize("العام المقبل"), EntityTextNormalizer.Normalize("لعام المقبل"));
        Assert.Equal(EntityTextNormalizer.Normalize("الأمم المتحدة"), EntityTextNormalizer.Normalize("للأمم المتحدة"));
        Assert.Equal("world bank", EntityTextNormalizer.Normalize("the World Bank"));
    }

    [Fact]
    public void Strict_needs_the_same_text_and_relaxed_accepts_containment()
    {
        var gold = new GoldDocument("x.txt", "ar",
        [
            new("Organization", "مكتب الأمم المتحدة لمكافحة الإرهاب"),
            new("Location", "الدوحة"),
            new("Person", "علياء أحمد بن سيف آل ثاني"),
        ]);
        IReadOnlyList<ExtractedEntity> predicted =
        [
            Predicted("Organization", "الأمم المتحدة"),
            Predicted("Location", "بالدوحة"),
            Predicted("Location", "باريس"),
        ];

        var report = EntityEvaluator.Evaluate([(gold, predicted)]);
        var strictOrg = report.Strict.Single(s => s.Category == "Organization");
        var relaxedOrg = report.Relaxed.Single(s => s.Category == "Organization");
        Assert.Equal(0, strictOrg.MatchedGold);
        Assert.Equal(1, relaxedOrg.MatchedGold);
        Assert.Equal(1.0, relaxedOrg.F1, 3);

        var location = report.Strict.Single(s => s.Category == "Location");
        Assert.Equal(0.5, location.Precision, 3);
        Assert.Equal(1.0, location.Recall, 3);
        Assert.Equal(0.0, report.Relaxed.Single(s => s.Category == "Person").Recall, 3);

        // Micro over Person, Organization, Location, DateTime, Quantity: 2 of 3 predictions and 2 of 3 gold items.
        Assert.Equal(2.0 / 3, report.RelaxedMicro.Precision, 3);
        Assert.Equal(2.0 / 3, report.RelaxedMicro.Recall, 3);
    }

    [Fact]
    public void Gold_files_parse_the_documented_format()
    {
        var gold = GoldDocument.Parse("""{"doc":"x.txt","language":"ar","entities":[{"category":"Quantity","text":"35","subcategory":"Number"}]}""");
        Assert.Equal("x.txt", gold.Doc);
        Assert.Equal("Number", Assert.Single(gold.Entities).Subcategory);
        Assert.Throws<InvalidDataException>(() => GoldDocument.Parse("""{"doc":"x.txt"}"""));
    }
}
