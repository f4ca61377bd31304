using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Documents;

namespace PressRoom.Tests.Documents;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("أَحْمَدُ", "احمد")] // diacritics
    [InlineData("الـــدوحة", "الدوحه")] // tatweel, ta marbuta
    [InlineData("إبراهيم وآمنة ومصطفى", "ابراهيم وامنه ومصطفي")] // alef and ya variants
    [InlineData("٢٩ مارس ۲۰۲۴", "29 مارس 2024")] // Arabic-Indic and Eastern Arabic-Indic digits
    [InlineData("\u202Bقطر\u202C\u200F \u200Bدولة", "قطر دوله")] // bidi controls, zero-width
    [InlineData("ﻻ ﺑﺄﺱ", "لا باس")] // presentation forms and the lam-alef ligature (NFKC)
    [InlineData("  United\u00A0 Nations\n\tﬁle ", "united nations file")] // whitespace collapsed, fi ligature, lower case
    public void Folds_text_for_matching(string input, string expected) => Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Offsets_map_a_normalized_match_back_to_the_source()
    {
        const string source = "وزارة  الخارجيّة القطريّة";
        var normalized = TextNormalizer.NormalizeWithOffsets(source);
        int index = normalized.Text.IndexOf("الخارجيه", StringComparison.Ordinal);

        var span = normalized.ToSource(new TextSpan(index, "الخارجيه".Length), source);

        Assert.Equal("الخارجيّة", span.Of(source));
        Assert.Equal(normalized.Text.Length, normalized.SourceIndex.Count);
    }
}

public sealed class SentenceSegmenterTests
{
    [Fact]
    public void Splits_on_arabic_and_latin_terminators_and_paragraph_breaks()
    {
        const string text = "هل تشارك قطر؟ نعم، تشارك بوفد كبير. وقال د. أحمد إن النمو بلغ 3.5 في المئة!\n\nSecond paragraph here";

        var sentences = SentenceSegmenter.Split(text).Select(s => s.Of(text)).ToList();

        Assert.Equal(["هل تشارك قطر؟", "نعم، تشارك بوفد كبير.", "وقال د. أحمد إن النمو بلغ 3.5 في المئة!", "Second paragraph here"], sentences);
    }

    [Fact]
    public void Keeps_abbreviations_and_decimals_inside_a_sentence()
    {
        const string text = "Dr. Smith met the U.N. team at 10.30 a.m. in Doha. Talks went well.";

        var sentences = SentenceSegmenter.Split(text).Select(s => s.Of(text)).ToList();

        Assert.Equal(["Dr. Smith met the U.N. team at 10.30 a.m. in Doha.", "Talks went well."], sentences);
    }

    [Fact]
    public void Cuts_long_sentences_at_arabic_commas_then_spaces_within_the_limit()
    {
        const string text = "بحث الجانبان سبل التعاون، وناقشا الأولويات؛ واتفقا على خطة عمل مشتركة للعام المقبل";

        var spans = SentenceSegmenter.Split(text, 30);

        Assert.All(spans, s => Assert.InRange(s.Length, 1, 30));
        Assert.Equal("بحث الجانبان سبل التعاون،", spans[0].Of(text));
        Assert.Equal(TextNormalizer.Normalize(text), TextNormalizer.Normalize(string.Join(' ', spans.Select(s => s.Of(text)))));
    }

    [Fact]
    public void Empty_and_whitespace_text_has_no_sentences()
    {
        Assert.Empty(SentenceSegmenter.Split(string.Empty));
        Assert.Empty(SentenceSegmenter.Split(" \n\n "));
    }
}

public sealed class DatelineParserTests
{
    static readonly DateOnly Reference = new(2026, 1, 10);

    [Theory]
    [InlineData("الدوحة – المكتب الإعلامي - 29 مارس", "الدوحة", "المكتب الإعلامي", "29 مارس", "2025-03-29")] // no year: last March before the reference
    [InlineData("الرياض في ٣ آذار ٢٠٢٤ (واس) - أعلنت الهيئة عن خطة جديدة تشمل مشروعات عدة في مناطق المملكة المختلفة خلال العام الجاري", "الرياض", "واس", "٣ آذار ٢٠٢٤", "2024-03-03")]
    [InlineData("بيروت - الوكالة الوطنية - 15 تشرين الأول 2025", "بيروت", "الوكالة الوطنية", "15 تشرين الأول 2025", "2025-10-15")]
    [InlineData("DOHA, March 29 (QNA) - Qatar participated in the meeting of the council held today in the capital with many delegations.", "DOHA", "QNA", "March 29", "2025-03-29")]
    [InlineData("أبوظبي في 2 يناير /وام/", "أبوظبي", "وام", "2 يناير", "2026-01-02")]
    [InlineData("عمّان، الخميس 5 كانون الثاني 2023", "عمّان", null, "5 كانون الثاني 2023", "2023-01-05")]
    public void Parses_place_source_and_date(string line, string place, string? source, string dateText, string date)
    {
        var dateline = DatelineParser.Parse(line, Reference);

        Assert.NotNull(dateline);
        Assert.Equal(place, dateline.Place);
        Assert.Equal(source, dateline.Source);
        Assert.Equal(dateText, dateline.DateText);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), dateline.Date);
    }

    [Theory]
    [InlineData("بحث الحوار الاستراتيجي الرابع رفيع المستوى بين دولة قطر ومكتب الأمم المتحدة سبل التعاون في مكافحة الإرهاب خلال العام المقبل.")]
    [InlineData("The meeting discussed cooperation between the two countries.")]
    [InlineData("31 فبراير")] // not a real date, and no place
    public void Ordinary_text_is_not_a_dateline(string line) => Assert.Null(DatelineParser.Parse(line, Reference));
}

public sealed class RejectionMessagesTests
{
    [Fact]
    public void Every_reason_has_a_plain_sentence()
    {
        foreach (var reason in Enum.GetValues<RejectionReason>())
        {
            var message = RejectionMessages.For(reason);
            Assert.EndsWith(".", message, StringComparison.Ordinal);
            Assert.True(message.Length > 15, reason.ToString());
            Assert.DoesNotContain("Exception", message, StringComparison.Ordinal);
        }

        Assert.Equal(Enum.GetValues<RejectionReason>().Length, Enum.GetValues<RejectionReason>().Select(RejectionMessages.For).Distinct().Count());
    }
}

public sealed class DocumentReaderRegistrationTests
{
    [Fact]
    public void Pipeline_registers_the_sniffing_reader_with_limits_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Documents:MaxPages"] = "7",
            ["Documents:MaxOriginalBytes"] = "1048576",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddPressRoomPipeline(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<DocumentReader>(provider.GetRequiredService<IDocumentReader>());
        var limits = provider.GetRequiredService<IOptions<DocumentLimits>>().Value;
        Assert.Equal(7, limits.MaxPages);
        Assert.Equal(1048576, limits.MaxOriginalBytes);
        Assert.Equal(new DocumentLimits().MaxZipEntries, limits.MaxZipEntries);
    }

    [Fact]
    public void Invalid_limits_are_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:MaxPages"] = "0" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddPressRoomPipeline(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DocumentLimits>>().Value);
    }
}
