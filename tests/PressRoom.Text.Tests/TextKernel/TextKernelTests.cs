namespace PressRoom.Tests.TextKernel;

/// <summary>The one folding function, its profiles, the one key scheme and the one segmenter.</summary>
public sealed class TextKernelTests
{
    [Fact]
    public void Alef_maqsura_is_kept_only_where_tokens_are_recognized()
    {
        Assert.NotEqual(ArabicFolding.Fold("على"), ArabicFolding.Fold("علي"));
        Assert.Equal(TextNormalizer.Normalize("الانصارى"), TextNormalizer.Normalize("الأنصاري"));
        Assert.Equal(NameNormalizer.Normalize("الانصارى"), NameNormalizer.Normalize("الأنصاري"));
        Assert.Equal(EntityKeys.Make("Person", "الانصارى"), EntityKeys.Make("Person", "الأنصاري"));
        foreach (var profile in Enum.GetValues<FoldProfile>())
        {
            Assert.Equal(profile != FoldProfile.Recognition, ArabicFolding.Fold('ى', profile) == 'ي');
        }
    }

    [Theory]
    [InlineData(FoldProfile.Recognition, 'ؤ', 'و')]
    [InlineData(FoldProfile.Search, 'ئ', 'ي')]
    [InlineData(FoldProfile.Match, 'ؤ', 'ؤ')]
    [InlineData(FoldProfile.Match, '\n', ' ')]
    [InlineData(FoldProfile.Recognition, '٫', '.')]
    [InlineData(FoldProfile.Key, '-', ' ')]
    [InlineData(FoldProfile.Search, '٣', '3')]
    [InlineData(FoldProfile.Recognition, 'ة', 'ه')]
    [InlineData(FoldProfile.Key, 'إ', 'ا')]
    [InlineData(FoldProfile.Match, '\u064E', '\0')]
    public void Each_profile_folds_from_the_one_table(FoldProfile profile, char input, char expected) =>
        Assert.Equal(expected, ArabicFolding.Fold(input, profile));

    [Theory]
    [InlineData("Person", "Ghada Fathi Waly", "person:ghada-fathi-waly")]
    [InlineData("Organization", "the United Nations", "organization:united-nations")]
    [InlineData("Quantity", "8.5 USD", "quantity:8.5-usd")]
    [InlineData("Location", "São Paulo", "location:sao-paulo")]
    [InlineData("Person", "Ma'an Al-Khatib", "person:maan-al-khatib")]
    [InlineData("Location", "الدَّوْحَةِ", "location:الدوحه")]
    [InlineData("Event", "٢٠٢٤", "event:2024")]
    [InlineData("Person", "  ", "person:unnamed")]
    public void One_key_scheme_serves_every_provider(string category, string name, string key) =>
        Assert.Equal(key, EntityKeys.Make(category, name));

    [Fact]
    public void A_name_longer_than_the_stack_buffer_keys_like_a_short_one()
    {
        var name = string.Join("  ", Enumerable.Repeat("Al-Khatib", 40));

        Assert.True(name.Length > 256);
        Assert.Equal("person:" + string.Join('-', Enumerable.Repeat("al-khatib", 40)), EntityKeys.Make("Person", name));
    }

    [Fact]
    public void Cover_is_contiguous_and_keeps_abbreviations_inside_sentences()
    {
        var text = "  Dr. Salem met Mr. Ali. They agreed on 3.5 million.\nالنهاية؟ نعم";

        var spans = SentenceSegmenter.Cover(text);

        Assert.Equal(text, string.Concat(spans.Select(s => s.Of(text))));
        Assert.Equal(["  Dr. Salem met Mr. Ali. ", "They agreed on 3.5 million.\n", "النهاية؟ ", "نعم"], spans.Select(s => s.Of(text)));
        Assert.Equal(SentenceSegmenter.Split(text).Select(s => s.Of(text)), spans.Select(s => s.Of(text).Trim()));
    }

    [Fact]
    public void Clauses_do_not_cut_inside_numbers()
    {
        var text = "بلغت 1,200 وحدة، وارتفعت؛ ثم انخفضت";

        var clauses = SentenceSegmenter.Clauses(text, new TextSpan(0, text.Length)).Select(s => s.Of(text));

        Assert.Equal(["بلغت 1,200 وحدة، ", "وارتفعت؛ ", "ثم انخفضت"], clauses);
    }
}
