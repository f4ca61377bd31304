using static PressRoom.Tests.Entities.EntityTestHelper;

namespace PressRoom.Tests.Entities;

public sealed class DateTimeNormalizationTests
{
    static readonly DateOnly Reference = new(2024, 3, 29); // a Friday

    [Theory]
    [InlineData("وقعت الاتفاقية في 12 أكتوبر 2024 في الدوحة.", "12 أكتوبر 2024", "2024-10-12")]
    [InlineData("عمّان – الأحد 14 كانون الثاني 2024", "الأحد 14 كانون الثاني 2024", "2024-01-14")]
    [InlineData("وتنتهي في تشرين الأول 2025.", "تشرين الأول 2025", "2025-10")]
    [InlineData("الموقعة في ديسمبر 2018.", "ديسمبر 2018", "2018-12")]
    [InlineData("بورتسودان – 3/11/2024", "3/11/2024", "2024-11-03")]
    [InlineData("مسقط – الخميس، ٩ يناير ٢٠٢٥", "الخميس، ٩ يناير ٢٠٢٥", "2025-01-09")]
    public void Gregorian_and_levantine_dates_resolve_to_iso(string text, string span, string value)
    {
        var entity = Single(Extract(text), "DateTime", span);
        Assert.Equal(value, entity.Value);
    }

    [Fact]
    public void Day_and_month_take_the_year_of_the_reference_date()
    {
        Assert.Equal("2024-03-29", Single(Extract("الدوحة – 29 مارس", reference: Reference), "DateTime", "29 مارس").Value);
        Assert.Equal("--03-29", Single(Extract("الدوحة – 29 مارس"), "DateTime", "29 مارس").Value);
    }

    [Theory]
    [InlineData("من 2019 إلى 2023 بمبلغ", "2019 إلى 2023", "2019/2023", "DateRange")]
    [InlineData("استراتيجية الصحة 2024-2030 الوطنية", "2024-2030", "2024/2030", "DateRange")]
    [InlineData("منذ عام 1962 حتى الآن", "1962", "1962", "Date")]
    [InlineData("لمدة ثلاث سنوات إضافية", "ثلاث سنوات", "P3Y", "Duration")]
    [InlineData("على 25 عاماً بما فيها", "25 عاماً", "P25Y", "Duration")]
    [InlineData("قبل أسبوعين من انطلاق", "أسبوعين", "P2W", "Duration")]
    [InlineData("15 مليون دولار سنوياً", "سنوياً", "R/P1Y", "Set")]
    public void Ranges_durations_and_sets(string text, string span, string value, string subcategory)
    {
        var entity = Single(Extract(text), "DateTime", span);
        Assert.Equal(value, entity.Value);
        Assert.Equal(subcategory, entity.Subcategory);
    }

    [Theory]
    [InlineData("الأولويات للعام المقبل لدعم", "لعام المقبل", "2025")]
    [InlineData("واستعرض إنجازات العام الماضي", "العام الماضي", "2023")]
    [InlineData("أطلقت الوزارة اليوم حملة", "اليوم", "2024-03-29")]
    [InlineData("على أن تبدأ الأعمال مطلع الشهر المقبل", "الشهر المقبل", "2024-04")]
    [InlineData("ويختتم المؤتمر أعماله يوم الأحد المقبل.", "يوم الأحد المقبل", "2024-03-31")]
    [InlineData("ستبدأ في شباط المقبل", "شباط المقبل", "2025-02")]
    public void Relative_dates_resolve_against_the_reference_date(string text, string span, string value)
    {
        Assert.Equal(value, Single(Extract(text, reference: Reference), "DateTime", span).Value);
    }

    [Fact]
    public void Relative_dates_use_the_dateline_when_no_reference_is_given()
    {
        var entities = Extract("الدوحة – 12 أكتوبر 2024\n\nأطلقت الوزارة اليوم حملة تستمر حتى العام المقبل.");
        Assert.Equal("2024-10-12", Single(entities, "DateTime", "اليوم").Value);
        Assert.Equal("2025", Single(entities, "DateTime", "العام المقبل").Value);
    }

    [Theory]
    [InlineData("Cairo, Tuesday 9 July 2024", "Tuesday 9 July 2024", "2024-07-09")]
    [InlineData("will meet from 14 to 17 October to discuss", "14 to 17 October", "2024-10-14/2024-10-17")]
    [InlineData("the first half of 2024 to 2.9 million", "first half of 2024", "2024-01-01/2024-06-30")]
    [InlineData("a three-year agreement", "three-year", "P3Y")]
    [InlineData("The race comes next Friday.", "next Friday", "2024-04-05")]
    public void English_dates(string text, string span, string value)
    {
        Assert.Equal(value, Single(Extract(text, "en", Reference), "DateTime", span).Value);
    }
}

public sealed class HijriNormalizationTests
{
    [Fact]
    public void Hijri_day_month_year_converts_with_umm_al_qura()
    {
        var entity = Single(Extract("الرياض – 20 جمادى الأولى 1446هـ الموافق 22 نوفمبر 2024"), "DateTime", "20 جمادى الأولى 1446هـ");
        Assert.Equal("2024-11-22", entity.Value);
        Assert.Contains("AH", entity.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Hijri_date_with_separate_marker()
    {
        Assert.Equal("2025-03-15", Single(Extract("القاهرة – 15 رمضان 1446 هـ"), "DateTime", "15 رمضان 1446 هـ").Value);
    }

    [Fact]
    public void Hijri_year_is_the_gregorian_interval_it_covers()
    {
        var entity = Single(Extract("بحلول نهاية عام 1447هـ، لافتاً"), "DateTime", "1447هـ");
        Assert.Equal("2025-06-26/2026-06-15", entity.Value);
    }

    [Fact]
    public void Hijri_month_names_that_are_common_words_need_a_day_or_year()
    {
        Assert.DoesNotContain(Extract("وقال رجب إن الخطة جاهزة"), e => e.Category == "DateTime");
    }
}
