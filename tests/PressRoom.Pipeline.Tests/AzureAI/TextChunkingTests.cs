using System.Globalization;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Tests.AzureAI;

public sealed class TextChunkingTests
{

    [Fact]
    public void Sentences_end_at_arabic_and_latin_marks_and_cover_the_whole_text()
    {
        var text = "هل حضر الوفد؟ نعم، حضر. قال: \"انتهى!\" Total 3.5 million. Next line\nآخر سطر";

        var sentences = SentenceSegmenter.Cover(text).Select(s => s.Of(text)).ToList();

        Assert.Equal(["هل حضر الوفد؟ ", "نعم، حضر. ", "قال: \"انتهى!\" ", "Total 3.5 million. ", "Next line\n", "آخر سطر"], sentences);
        Assert.Equal(text, string.Concat(sentences));
    }

    [Fact]
    public void Clauses_end_at_arabic_commas_and_semicolons()
    {
        var text = "أولا، ناقش الطرفان التعاون؛ ثانيا، اتفقا على خطة.";

        var clauses = SentenceSegmenter.Clauses(text, new TextSpan(0, text.Length)).Select(s => s.Of(text)).ToList();

        Assert.Equal(["أولا، ", "ناقش الطرفان التعاون؛ ", "ثانيا، ", "اتفقا على خطة."], clauses);
    }

    [Fact]
    public void Chunks_stay_within_the_budget_prefer_sentence_ends_and_cover_the_text()
    {
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => $"هذه الجملة رقم {i} من النص. "));
        var chunker = new TextChunker();

        var chunks = chunker.Chunk(text, 500, TextMeasure.CodePoints);

        Assert.All(chunks, c => Assert.True(c.Length <= 500));
        Assert.All(chunks, c => Assert.EndsWith(". ", c.Of(text), StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(chunks.Select(c => c.Of(text))));
        // Whole sentences cost a little packing room: at most one chunk more than the bare minimum here.
        Assert.InRange(chunks.Count, (int)Math.Ceiling(text.Length / 500.0), (int)Math.Ceiling(text.Length / 500.0) + 1);
    }

    [Fact]
    public void A_sentence_longer_than_the_budget_is_cut_at_clauses_then_words_then_graphemes()
    {
        var clauseSentence = string.Join("، ", Enumerable.Repeat("ناقش الطرفان فرص التعاون", 40)) + ".";
        var noSpaces = new string('ب', 1200);
        var voweled = string.Concat(Enumerable.Repeat("مُحَمَّد", 200));
        var chunker = new TextChunker();

        var byClause = chunker.Chunk(clauseSentence, 200, TextMeasure.CodePoints);
        var byGrapheme = chunker.Chunk(noSpaces, 500, TextMeasure.CodePoints);
        var byElement = chunker.Chunk(voweled, 100, TextMeasure.TextElements);

        Assert.All(byClause.SkipLast(1), c => Assert.EndsWith("، ", c.Of(clauseSentence), StringComparison.Ordinal));
        Assert.All(byGrapheme, c => Assert.True(c.Length <= 500));
        Assert.Equal(noSpaces, string.Concat(byGrapheme.Select(c => c.Of(noSpaces))));
        Assert.All(byElement, c => Assert.True(new StringInfo(c.Of(voweled)).LengthInTextElements <= 100));
        Assert.All(byElement, c => Assert.False(char.GetUnicodeCategory(voweled[c.Start]) == UnicodeCategory.NonSpacingMark, "a cut separated a letter from its diacritic"));
    }

    [Fact]
    public void Code_points_count_surrogate_pairs_once()
    {
        Assert.Equal(8, TextMeasure.CodePoints("👍🏽 مرحبا"));
        var map = TextMeasure.CodePointToUtf16("a👍b");
        Assert.Equal([0, 1, 3, 4], Enumerable.Range(0, 4).Select(map));
    }

    [Fact]
    public void Alignment_projection_skips_what_does_not_parse()
    {
        var pairs = AlignmentProjection.Parse("0:4-0:3 6:10-5:12 junk 3:1-0:0 7:8-x:9");

        Assert.Equal([new AlignmentProjection.Pair(0, 4, 0, 3), new AlignmentProjection.Pair(6, 10, 5, 12)], pairs);
        Assert.Empty(AlignmentProjection.Parse(null));
    }

    [Fact]
    public void Glossary_marks_whole_terms_with_proclitics_and_maps_offsets_back()
    {
        var glossary = TranslatorGlossary.From([
            new GlossaryEntry { Source = "الأمم المتحدة", Target = "the United Nations" },
            new GlossaryEntry { Source = "مكتب الأمم المتحدة لمكافحة الإرهاب", Target = "United Nations Office of Counter-Terrorism" },
        ]);
        var text = "زار وفد مكتب الأمم المتحدة لمكافحة الإرهاب وبالأمم المتحدة والأممالمتحدة.";

        var marked = glossary.Mark(text);

        Assert.Equal(
            "زار وفد <mstrans:dictionary translation=\"United Nations Office of Counter-Terrorism\">مكتب الأمم المتحدة لمكافحة الإرهاب</mstrans:dictionary> وب<mstrans:dictionary translation=\"the United Nations\">الأمم المتحدة</mstrans:dictionary> والأممالمتحدة.",
            marked.Text);
        var inner = marked.Text.IndexOf("مكتب", StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("مكتب", StringComparison.Ordinal), marked.ToOriginalStart(inner));
        Assert.Equal(text.IndexOf("مكتب", StringComparison.Ordinal), marked.ToOriginalStart(inner - 5));
        Assert.Equal(text.Length, marked.ToOriginalEnd(marked.Text.Length));
        Assert.True(glossary.AppliesTo("ar", ["en"]));
        Assert.False(glossary.AppliesTo("ar", ["fr"]));
    }

    [Theory]
    [InlineData("", "x")]
    [InlineData("مكتب", "")]
    [InlineData("مكتب", "Office \"X\"")]
    [InlineData("<b>", "bold")]
    public void Bad_glossary_entries_are_refused_with_their_position(string source, string target)
    {
        var error = Assert.Throws<ArgumentException>(() => TranslatorGlossary.From([new GlossaryEntry { Source = source, Target = target }]));

        Assert.Contains("AzureAI:Glossary:0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_normalize_across_spelling_variants()
    {
        Assert.Equal(EntityKeys.Name("الدوحة"), EntityKeys.Name("الدَّوْحَةِ"));
        Assert.Equal(EntityKeys.Name("إدارة"), EntityKeys.Name("ادارة"));
        Assert.Equal("united nations", EntityKeys.Name("The United Nations"));
        Assert.Equal("organization:united-nations", EntityKeys.Make("Organization", "the United Nations"));
        Assert.Equal("quantity:15000000-usd", EntityKeys.Make("Quantity", "15000000 USD"));
        Assert.Equal("2019", EntityKeys.Name("٢٠١٩"));
    }
}
