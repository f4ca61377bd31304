using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>A tagger organization whose words are a listed organization takes that entry's English name and key.</summary>
public sealed class ListedOrganizationsTests
{
    [Fact]
    public void A_tagger_organization_that_is_a_listed_one_takes_its_english_name()
    {
        var ctx = new DocumentContext("وقال الوزير لـ« الشرق الأوسط » إن شركة النخيل الذهبي ستتوسع .", "ar", null, BuiltinLexicon.Default);
        var paper = Tagged(ctx, "الشرق", 2, "Al-Sharaq Al-Awsat");
        var firm = Tagged(ctx, "النخيل", 2, "Al-Nakhil Al-Thahabi"); // not listed: keeps its romanized name
        var ruleOrganization = new Candidate { Start = 0, End = 4, Category = "Organization", English = "Rule", Key = "organization:rule", Priority = Priorities.Gazetteer, FirstToken = 0, EndToken = 1 };
        ctx.Candidates.AddRange([paper, firm, ruleOrganization]);

        ListedOrganizations.Name(ctx);

        Assert.Equal("Asharq Al-Awsat", paper.English);
        Assert.Equal("organization:asharq-al-awsat", paper.Key);
        Assert.Equal("Al-Nakhil Al-Thahabi", firm.English);
        Assert.Equal("Rule", ruleOrganization.English); // the rules name their own candidates
    }

    static Candidate Tagged(DocumentContext ctx, string firstWord, int words, string english)
    {
        var first = ctx.Tokens.FindIndex(t => t.Folded == firstWord);
        return new Candidate
        {
            Start = ctx.Tokens[first].Start,
            End = ctx.Tokens[first + words - 1].End,
            Category = "Organization",
            English = english,
            Key = "organization:" + english.ToLowerInvariant(),
            Priority = Priorities.Gazetteer - 1,
            FirstToken = first,
            EndToken = first + words,
        };
    }
}
