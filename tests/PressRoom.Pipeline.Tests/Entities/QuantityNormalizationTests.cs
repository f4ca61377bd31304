using static PressRoom.Tests.Entities.EntityTestHelper;

namespace PressRoom.Tests.Entities;

public sealed class MoneyNormalizationTests
{
    [Theory]
    [InlineData("بمبلغ 15 مليون دولار سنويا", "15 مليون دولار", "15000000 USD")]
    [InlineData("خصصت 5 ملايين دولار للبرنامج", "5 ملايين دولار", "5000000 USD")]
    [InlineData("منحة بقيمة 8.5 مليون دينار أردني لدعم", "8.5 مليون دينار أردني", "8500000 JOD")]
    [InlineData("ستخصص مليوني دولار لبرامج", "مليوني دولار", "2000000 USD")]
    [InlineData("استثمرت 4 مليارات ريال سعودي في", "4 مليارات ريال سعودي", "4000000000 SAR")]
    public void Arabic_amounts(string text, string span, string value)
    {
        var entity = Single(Extract(text), "Quantity", span);
        Assert.Equal("Currency", entity.Subcategory);
        Assert.Equal(value, entity.Value);
        Assert.Equal("quantity:currency-" + value.ToLowerInvariant().Replace(' ', '-'), entity.Key);
    }

    [Theory]
    [InlineData("a grant of $5 million to", "$5 million", "5000000 USD")]
    [InlineData("worth JOD 8.5 million to", "JOD 8.5 million", "8500000 JOD")]
    [InlineData("revenue climbed to AED 8.4 billion.", "AED 8.4 billion", "8400000000 AED")]
    [InlineData("prize money of OMR 150,000 this year", "OMR 150,000", "150000 OMR")]
    public void English_amounts(string text, string span, string value)
    {
        Assert.Equal(value, Single(Extract(text, "en"), "Quantity", span).Value);
    }

    [Fact]
    public void A_bare_currency_word_takes_the_currency_named_elsewhere_in_the_release()
    {
        var entities = Extract("ارتفعت الجوائز إلى 150 ألف ريال عماني، ويحصل الفائز على 20 ألف ريال.");
        Assert.Equal("150000 OMR", Single(entities, "Quantity", "150 ألف ريال عماني").Value);
        Assert.Equal("20000 OMR", Single(entities, "Quantity", "20 ألف ريال").Value);
    }

    [Fact]
    public void Same_amount_has_the_same_key_in_arabic_and_english()
    {
        var arabic = Single(Extract("بقيمة 5 ملايين دولار"), "Quantity", "5 ملايين دولار");
        var english = Single(Extract("worth $5 million", "en"), "Quantity", "$5 million");
        Assert.Equal(arabic.Key, english.Key);
    }
}

public sealed class NumberNormalizationTests
{
    [Theory]
    [InlineData("إلى 19,100 أسرة نازحة", "19,100", "19100", "Number")]
    [InlineData("19.1 ألف أسرة نازحة", "19.1 ألف", "19100", "Number")]
    [InlineData("وزعت ٣٬٥٠٠ طن من الذرة", "٣٬٥٠٠", "3500", "Number")]
    [InlineData("بمشاركة ١٢ ألف عداء", "١٢ ألف", "12000", "Number")]
    [InlineData("بلغت ٤٠٪ من المشاركين", "٤٠٪", "40%", "Percentage")]
    [InlineData("ما يعادل 18% من السكان", "18%", "18%", "Percentage")]
    [InlineData("ارتفعت بنحو خمسة بالمئة", "خمسة بالمئة", "5%", "Percentage")]
    [InlineData("بنسبة 6 في المئة مقارنة", "6 في المئة", "6%", "Percentage")]
    [InlineData("بركائزها الأربعة والمعاهدات", "الأربعة", "4", "Number")]
    [InlineData("تعد ثاني أكبر مساهم", "ثاني", "2", "Ordinal")]
    [InlineData("القرض الحادي والستين الذي", "الحادي والستين", "61", "Ordinal")]
    [InlineData("للعام الحادي عشر على التوالي", "الحادي عشر", "11", "Ordinal")]
    public void Digits_words_and_percentages(string text, string span, string value, string subcategory)
    {
        var entity = Single(Extract(text), "Quantity", span);
        Assert.Equal(value, entity.Value);
        Assert.Equal(subcategory, entity.Subcategory);
    }

    [Fact]
    public void A_family_name_after_al_is_not_an_ordinal()
    {
        var entities = Extract("افتتحت سعادة الشيخة علياء أحمد بن سيف آل ثاني الحوار.");
        Assert.DoesNotContain(entities, e => e.Category == "Quantity");
        Single(entities, "Person", "علياء أحمد بن سيف آل ثاني");
    }

    [Fact]
    public void Numbers_inside_names_are_not_quantities()
    {
        var entities = Extract("التحديات التي تفرضها جائحة كوفيد-19.");
        Assert.DoesNotContain(entities, e => e.Category == "Quantity");
        Assert.Equal("event:covid-19-pandemic", Single(entities, "Event", "جائحة كوفيد-19").Key);
    }
}
