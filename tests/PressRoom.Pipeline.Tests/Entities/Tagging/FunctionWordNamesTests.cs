using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>Arabic function words the tagger read as a person: set phrases after the undotted على, pronouns, conjunctions.</summary>
public sealed class FunctionWordNamesTests
{
    [Fact]
    public void Function_words_are_no_person_and_names_stay()
    {
        var ctx = new DocumentContext("وتجري الوزيرة علي هامش المؤتمر مباحثات . وقال انا مؤمن بذلك لكي ينجح . واستقبل علي حسن الوفد .", "ar", null, BuiltinLexicon.Default);
        int At(string word) => ctx.Tokens.FindIndex(t => t.Folded == word);
        var ali = At("علي");
        var ana = At("انا");
        var likay = At("لكي");
        var aliHasan = ctx.Tokens.FindLastIndex(t => t.Folded == "علي");

        var spans = FunctionWordNames.Drop(ctx, [
            new TaggedSpan("PER", ali, ali + 2), new TaggedSpan("PER", ana, ana + 2), new TaggedSpan("PER", likay, likay + 1),
            new TaggedSpan("PER", aliHasan, aliHasan + 2)]);

        Assert.Equal([new TaggedSpan("PER", aliHasan, aliHasan + 2)], spans);
    }

    [Fact]
    public void Basim_after_a_spokesman_is_in_the_name_of_and_the_name_basim_stays()
    {
        var ctx = new DocumentContext("وقال متحدث باسم الناتو إن الاجتماع تأجل . واستقبل الوزير باسم عوض الله .", "ar", null, BuiltinLexicon.Default);
        var spokesman = ctx.Tokens.FindIndex(t => t.Folded == "باسم");
        var basim = ctx.Tokens.FindLastIndex(t => t.Folded == "باسم");

        var spans = FunctionWordNames.Drop(ctx, [new TaggedSpan("PER", spokesman, spokesman + 2), new TaggedSpan("PER", basim, basim + 3)]);

        Assert.Equal([new TaggedSpan("PER", basim, basim + 3)], spans);
    }
}
