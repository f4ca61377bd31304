using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using static PressRoom.Tests.Entities.EntityTestHelper;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>
/// Lists added after the models were trained (organizations-world.tsv, heads-firms.tsv) name things for the rules but
/// are not tagger features, so the committed models stay what `pressroom train` reproduces.
/// </summary>
public sealed class RuleOnlyListsTests
{
    [Fact]
    public void A_rule_only_entry_is_seen_by_the_rules_and_not_by_the_tagger()
    {
        var ctx = new DocumentContext("Shares of Advantest rose .", "en", null, BuiltinLexicon.Default);
        var organization = 1UL << (int)LexKind.Organization;

        Assert.NotEqual(0UL, ctx.KindBits(2) & organization);
        Assert.Equal(0UL, ctx.FeatureKindBits(2) & organization);

        // A list the models were trained with is both.
        var listed = new DocumentContext("Shares of Toyota rose .", "en", null, BuiltinLexicon.Default);
        Assert.NotEqual(0UL, listed.FeatureKindBits(2) & organization);
    }

    [Fact]
    public void Firms_and_bodies_of_the_new_lists_are_organizations()
    {
        var en = Extract("Ann Lee , an economist at Jade River Securities in Shanghai , said Tokyo Electron and SK Hynix led gains while the Bundesbank warned on inflation .", "en");
        Assert.True(Has(en, "Organization", "Jade River Securities"));
        Assert.True(Has(en, "Organization", "Tokyo Electron"));
        Assert.True(Has(en, "Organization", "SK Hynix"));
        Assert.True(Has(en, "Organization", "Bundesbank"));
    }
}
