using PressRoom.Pipeline.Entities.Builtin.Text;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>The English dictionary words as a tagger feature: what a word is classed as, and where the feature fires.</summary>
public sealed class CommonWordsTests
{
    static Token Word(string text) => Tokenizer.Tokenize(text).Single();

    [Theory]
    [InlineData("win", 1)]
    [InlineData("WIN", 1)]
    [InlineData("Germany", 2)]
    [InlineData("LONDON", 2)]
    [InlineData("Bill", 3)]
    [InlineData("Qzxvtrell", 0)]
    [InlineData("وزارة", 0)]
    public void The_shipped_list_classes_words_as_common_proper_both_or_neither(string word, int expected)
    {
        Assert.Equal(expected, CommonWords.Default.Classify(Word(word)));
    }

    [Fact]
    public void A_word_written_with_a_capital_is_a_proper_noun_and_lower_case_a_common_word()
    {
        var words = new CommonWords(["apple", "Apple", "Leeds", "cup"]);

        Assert.Equal(3, words.Classify(Word("APPLE")));
        Assert.Equal(2, words.Classify(Word("leeds")));
        Assert.Equal(1, words.Classify(Word("Cup")));
        Assert.Equal(0, words.Classify(Word("Arsenal")));
    }

    [Fact]
    public void The_feature_changes_English_features_only()
    {
        static uint[] Keys(string text, string language, CommonWords words) =>
            FeatureKeys.Of(text, language, new FeatureExtractor(words, KnownNames.Default));

        CommonWords empty = new([]), listed = new(["leeds"]);

        Assert.NotEqual(Keys("Leeds won", "en", empty), Keys("Leeds won", "en", listed));
        Assert.Equal(Keys("وصل Leeds أمس", "ar", empty), Keys("وصل Leeds أمس", "ar", listed));
    }
}
