using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using static PressRoom.Tests.Entities.EntityTestHelper;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>
/// The error classes of issue 14, one test each, on sentences written for these tests (not from any corpus):
/// what the rules-only extractor got wrong and the tagger + rules combination now gets right.
/// </summary>
public sealed class ErrorClassTests
{
    static IReadOnlyList<ExtractedEntity> Ar(string text) => EntityTestHelper.Extract(text);

    static IReadOnlyList<ExtractedEntity> En(string text) => EntityTestHelper.Extract(text, "en");

    [Fact]
    public void Unknown_names_are_found()
    {
        var ar = Ar("وقال وزير الدفاع الأمريكي دونالد رامسفيلد إن وزيرة الخارجية كوندوليزا رايس ستزور المنطقة.\nوذكرت قناة الجزيرة أن الاجتماع انتهى.");
        Assert.True(Has(ar, "Person", "دونالد رامسفيلد"));
        Assert.True(Has(ar, "Person", "كوندوليزا رايس"));
        Assert.True(Has(ar, "Organization", "الجزيرة"));

        var en = En("Former president Bill Clinton met Boris Yeltsin in Moscow, CNN reported.");
        Assert.True(Has(en, "Person", "Bill Clinton"));
        Assert.True(Has(en, "Person", "Boris Yeltsin"));
        Assert.True(Has(en, "Organization", "CNN"));
    }

    [Fact]
    public void Undotted_ala_and_ila_are_not_the_name_Ali()
    {
        var entities = Ar("وأكد المسؤول أن الاتفاق علي الاقل قائم وأن الوفد وصل الي القاهرة علي متن طائرة خاصة.");
        Assert.DoesNotContain(entities, e => e.Category == "Person" && (e.Text.Contains("علي", StringComparison.Ordinal) || e.Text.Contains("الي", StringComparison.Ordinal)));
        Assert.True(Has(entities, "Location", "القاهرة"));
    }

    [Fact]
    public void The_word_after_a_nationality_is_not_a_name()
    {
        var entities = Ar("وفاز اللاعب الألماني المصنف الأول على منافسه في البطولة.");
        Assert.DoesNotContain(entities, e => e.Category == "Person" && e.Text.Contains("المصنف", StringComparison.Ordinal));
    }

    [Fact]
    public void Common_words_that_match_list_entries_are_not_places()
    {
        var entities = Ar("وتسببت سيول غزيرة في أضرار كبيرة، وقال إن الوضع المالي للشركة جيد.");
        Assert.DoesNotContain(entities, e => e.Category == "Location");

        // With a locative cue the city is still found.
        Assert.True(Has(Ar("وصل الوفد إلى سيول أمس."), "Location", "سيول"));
    }

    [Fact]
    public void Names_do_not_run_on_into_the_next_words()
    {
        var entities = Ar("وقال الرئيس جورج بوش لصحيفة وول ستريت جورنال إن المحادثات مستمرة.");
        Assert.True(Has(entities, "Person", "جورج بوش"));
        Assert.DoesNotContain(entities, e => e.Category == "Person" && e.Text.StartsWith("جورج بوش ", StringComparison.Ordinal));
    }

    [Fact]
    public void Descriptor_words_are_left_out_and_bin_stays_in_the_name()
    {
        var entities = Ar("وأعلنت الشرطة في مدينة المفرق أن أسامة بن لادن لا يزال طليقا.");
        Assert.True(Has(entities, "Location", "المفرق"));
        Assert.DoesNotContain(entities, e => e.Text == "مدينة المفرق");
        Assert.Contains(entities, e => e.Category == "Person" && e.Text.EndsWith("بن لادن", StringComparison.Ordinal));
        Assert.DoesNotContain(entities, e => e.Category == "Person" && e.Text == "لادن");
    }

    [Fact]
    public void John_Major_is_one_person_not_a_person_and_a_rank()
    {
        var entities = En("British prime minister John Major said the talks would continue.");
        Assert.True(Has(entities, "Person", "John Major"));
        Assert.DoesNotContain(entities, e => e.Category == "PersonType" && e.Text == "Major");
    }

    [Fact]
    public void Generic_phrases_are_not_organizations()
    {
        Assert.DoesNotContain(Ar("وحل الفريق في المركز الثالث في الترتيب العام."), e => e.Category == "Organization");
        Assert.DoesNotContain(En("The team finished top of Group A after a draw."), e => e.Category == "Organization");
    }

    [Fact]
    public void English_city_names_without_an_english_list_entry_are_found()
    {
        var entities = En("The delegation travelled from Chicago to Prague on Monday.");
        Assert.True(Has(entities, "Location", "Chicago"));
        Assert.True(Has(entities, "Location", "Prague"));
    }

    [Fact]
    public async Task The_result_records_the_model_version_and_the_rules_alone_record_none()
    {
        var result = await new BuiltinEntityExtractor().ExtractAsync(new EntityRequest("زار الوزير الدوحة.", "ar"), CancellationToken.None);
        Assert.Equal("builtin", result.Provider);
        Assert.StartsWith("ner-ar-", result.ModelVersion, StringComparison.Ordinal);

        var rules = await BuiltinEntityExtractor.Create(Pipeline.Entities.Tagging.TaggerCombination.RulesOnly)
            .ExtractAsync(new EntityRequest("زار الوزير الدوحة.", "ar"), CancellationToken.None);
        Assert.Null(rules.ModelVersion);
        Assert.Null((await new BuiltinEntityExtractor().ExtractAsync(new EntityRequest("Bonjour Paris.", "fr"), CancellationToken.None)).ModelVersion);
    }
}
