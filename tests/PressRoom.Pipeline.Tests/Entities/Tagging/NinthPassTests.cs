using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;
using PressRoom.Pipeline.Entities.Tagging;
using static PressRoom.Tests.Entities.EntityTestHelper;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>
/// The ninth pass of issue 14 (docs/entities.md): movements without their descriptor word, well-known people's full
/// names, titles the tagger took into a name, places after a locative, and names listed both as a city and a club.
/// Sentences written for these tests.
/// </summary>
public sealed class NinthPassTests
{
    [Fact]
    public void A_movement_after_its_descriptor_word_is_named_without_it()
    {
        var ar = EntityTestHelper.Extract("وقالت مصادر إن حركة حماس رحبت بالمبادرة، بينما هاجم مقاتلو حركة طالبان قافلة قرب قندهار.");
        Assert.True(Has(ar, "Organization", "حماس", "Hamas"));
        Assert.True(Has(ar, "Organization", "طالبان", "Taliban"));
        Assert.DoesNotContain(ar, e => e.Text.StartsWith("حركة", StringComparison.Ordinal));

        // حزب is part of the name itself.
        Assert.True(Has(EntityTestHelper.Extract("وأعلن حزب الله أنه سيشارك في الحكومة الجديدة."), "Organization", "حزب الله"));
    }

    [Fact]
    public void A_well_known_persons_full_name_is_a_person_with_the_listed_english_name()
    {
        var ar = EntityTestHelper.Extract("واستقبل الأمين العام بان كي مون وزيرة التعاون الدولي فايزة أبو النجا في نيويورك.");
        Assert.True(Has(ar, "Person", "بان كي مون", "Ban Ki-moon"));
        Assert.True(Has(ar, "Person", "فايزة أبو النجا", "Fayza Aboul Naga"));
    }

    [Fact]
    public void A_title_the_tagger_took_into_a_name_stays_a_person_type()
    {
        var en = EntityTestHelper.Extract("President Joe Biden met Chancellor Olaf Scholz in Washington.", "en");
        Assert.True(Has(en, "Person", "Olaf Scholz"));
        Assert.True(Has(en, "PersonType", "Chancellor"));
        Assert.DoesNotContain(en, e => e.Category == "Person" && e.Text.StartsWith("Chancellor", StringComparison.Ordinal));
    }

    [Fact]
    public void The_dot_of_a_title_before_a_name_does_not_end_the_sequence()
    {
        var tokens = Tokenizer.Tokenize("Mr. Daniel Okafor and Dr. Ruth Ames spoke. Then they left.").ToList();
        var segments = new List<(int Start, int End)>();
        Segmenter.Split(tokens, segments);

        Assert.Equal(2, segments.Count);
        Assert.Equal("spoke", tokens[segments[0].End - 2].Folded);
    }

    [Fact]
    public void A_lower_case_word_is_not_a_known_persons_name()
    {
        // "Said" is a listed singer's surname; "said" in running text is the verb.
        var context = new DocumentContext("He said that Samira Said would sing.", "en", null, BuiltinLexicon.Default);
        Assert.Equal("said", context.Tokens[1].Folded);
        Assert.False(context.HasKind(1, LexKind.KnownPerson));
        Assert.Equal("said", context.Tokens[4].Folded);
        Assert.True(context.HasKind(3, LexKind.KnownPerson) && context.HasKind(4, LexKind.KnownPerson));
    }

    [Fact]
    public void A_latin_given_name_is_a_feature_of_capitalized_words_in_english_text_only()
    {
        var english = new DocumentContext("Lena said she will ask Lena's brother.", "en", null, BuiltinLexicon.Default);
        Assert.True(english.HasKind(0, LexKind.LatinGivenName));
        Assert.Equal("will", english.Tokens[3].Folded);
        Assert.False(english.HasKind(3, LexKind.LatinGivenName));

        var arabic = new DocumentContext("وقالت Lena إن الاجتماع انتهى.", "ar", null, BuiltinLexicon.Default);
        Assert.DoesNotContain(Enumerable.Range(0, arabic.Count), i => arabic.HasKind(i, LexKind.LatinGivenName));
    }

    [Fact]
    public void A_listed_place_after_a_locative_stands_without_the_tagger()
    {
        Assert.True(Has(EntityTestHelper.Extract("الحوار الذي عقد بالدوحة أمس"), "Location", "الدوحة"));
        Assert.True(Has(EntityTestHelper.Extract("The minister told reporters in Bonn that rates would stay.", "en"), "Location", "Bonn"));
    }

    [Fact]
    public void A_name_listed_as_a_city_and_a_club_takes_the_taggers_reading()
    {
        var match = EntityTestHelper.Extract("Liverpool beat Arsenal 2-1 on Saturday.", "en");
        Assert.True(Has(match, "Organization", "Liverpool"));
        var city = EntityTestHelper.Extract("The ship docked in Liverpool on Saturday.", "en");
        Assert.True(Has(city, "Location", "Liverpool"));
    }

    [Fact]
    public void The_sunset_prayer_is_not_morocco()
    {
        var ar = EntityTestHelper.Extract("وأدى سموه والحضور صلاة المغرب جماعة، ثم غادر إلى المغرب في زيارة رسمية.");
        var morocco = Assert.Single(ar, e => e.Category == "Location");
        Assert.Equal("المغرب", morocco.Text);
        Assert.True(morocco.Offset > 40, $"the place is the second المغرب, at {morocco.Offset}");
    }

    [Fact]
    public void A_family_name_after_an_honorific_person_stays_in_the_name()
    {
        // The honorific rule stops at the given name; the tagger reads on to the family name.
        var ar = EntityTestHelper.Extract("من جهته قال السيد خالد الفردان مدير الإدارة إن المشروع سينتهي.\nوقال الدكتور سالم العمران إن النتائج جيدة.");
        Assert.True(Has(ar, "Person", "خالد الفردان"));
        Assert.True(Has(ar, "Person", "سالم العمران"));
        Assert.DoesNotContain(ar, e => e.Category == "Person" && e.Text is "خالد" or "سالم");
    }

    [Fact]
    public void A_listed_paper_named_alone_between_quotes_is_the_paper_not_the_place()
    {
        var ar = EntityTestHelper.Extract("وقال الوزير لـ« الشرق الأوسط » إن الأمن في الشرق الأوسط يتطلب تعاونا.");
        Assert.True(Has(ar, "Organization", "الشرق الأوسط", "Asharq Al-Awsat"));
        Assert.True(Has(ar, "Location", "الشرق الأوسط", "Middle East"));
    }

    [Fact]
    public void An_english_name_does_not_end_in_lower_case_words()
    {
        // A title line without a full stop: the tagger read on into "container terminal".
        var en = EntityTestHelper.Extract("Ministry of Transport announces expansion of Hamad Port container terminal\n\nThe work starts in May.", "en");
        Assert.True(Has(en, "Location", "Hamad Port"));
        Assert.DoesNotContain(en, e => e.Text.EndsWith("terminal", StringComparison.Ordinal));
    }
}
