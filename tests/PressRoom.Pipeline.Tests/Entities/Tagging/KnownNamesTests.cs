using PressRoom.Pipeline.Entities.Builtin.Text;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>WordNet's people and places as a tagger feature: what the shipped list knows, how names match, where the feature fires.</summary>
public sealed class KnownNamesTests
{
    static ulong Hash(string name) => Tokenizer.Tokenize(name).Aggregate(KnownNames.Start, KnownNames.Next);

    [Theory]
    [InlineData("Nelson Mandela", KnownNames.Person)]
    [InlineData("Arafat", KnownNames.Person)]
    [InlineData("Kilimanjaro", KnownNames.Place)]
    [InlineData("Washington", KnownNames.Person | KnownNames.Place)]
    [InlineData("Qzxvtrell Oombar", 0)]
    public void The_shipped_list_knows_people_and_places(string name, int expected)
    {
        Assert.Equal(expected, KnownNames.Default.Classes(Hash(name)));
    }

    [Fact]
    public void A_name_matches_as_a_whole_in_any_case_but_not_in_part()
    {
        var names = new KnownNames([("P", "Ada Lovelace"), ("L", "Lake Chad")]);

        Assert.Equal(KnownNames.Person, names.Classes(Hash("ADA LOVELACE")));
        Assert.Equal(KnownNames.Place, names.Classes(Hash("lake chad")));
        Assert.Equal(0, names.Classes(Hash("Lovelace")));
        Assert.Equal(0, names.Classes(Hash("Ada Lovelace Smith")));
    }

    [Fact]
    public void The_feature_fires_on_a_capitalized_English_name_only()
    {
        static uint[] Keys(string text, string language, KnownNames names) =>
            FeatureKeys.Of(text, language, new FeatureExtractor(CommonWords.Default, names));

        KnownNames empty = new([]), listed = new([("P", "Ada Lovelace")]);

        Assert.NotEqual(Keys("Ada Lovelace wrote notes", "en", empty), Keys("Ada Lovelace wrote notes", "en", listed));
        Assert.Equal(Keys("ada lovelace wrote notes", "en", empty), Keys("ada lovelace wrote notes", "en", listed));
        Assert.Equal(Keys("كتبت Ada Lovelace ملاحظات", "ar", empty), Keys("كتبت Ada Lovelace ملاحظات", "ar", listed));
    }
}
