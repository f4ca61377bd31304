using PressRoom.Pipeline.Entities;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>
/// The ninth pass of issue 14 (docs/entities.md): the larger gazetteers (clubs, companies, media, parties, places,
/// given names) as tagger features and trusted names, and headline-case training copies. Sentences written for these tests.
/// </summary>
public sealed class NinthPassTests
{
    static bool Has(IReadOnlyList<ExtractedEntity> entities, string category, string text, string? english = null) =>
        entities.Any(e => e.Category == category && e.Text == text && (english is null || e.English == english));

    [Fact]
    public void Listed_companies_and_bodies_are_organizations_with_their_english_names()
    {
        var ar = EntityTestHelper.Extract("وقال متحدث باسم الناتو إن الحلف سيعقد اجتماعا في بروكسل، فيما أعلنت تويوتا وفولكسفاغن زيادة مبيعاتهما.");
        Assert.True(Has(ar, "Organization", "الناتو", "NATO"));
        Assert.True(Has(ar, "Organization", "تويوتا", "Toyota"));
        Assert.True(Has(ar, "Organization", "فولكسفاغن", "Volkswagen"));
        Assert.True(Has(ar, "Location", "بروكسل", "Brussels"));
    }

    [Fact]
    public void Football_clubs_are_organizations_and_their_players_people()
    {
        var en = EntityTestHelper.Extract("Striker Mohamed Salah scored twice as Liverpool beat Chelsea, while Real Madrid drew with Sevilla.", "en");
        Assert.True(Has(en, "Person", "Mohamed Salah"));
        Assert.True(Has(en, "Organization", "Liverpool"));
        Assert.True(Has(en, "Organization", "Real Madrid"));
        Assert.True(Has(en, "Organization", "Sevilla"));
    }

    [Fact]
    public void A_headline_in_capitals_keeps_its_places_and_people()
    {
        var en = EntityTestHelper.Extract("FLOODS HIT KENYA AS PRESIDENT WILLIAM RUTO TOURS MOMBASA", "en");
        Assert.True(Has(en, "Location", "KENYA"));
        Assert.True(Has(en, "Person", "WILLIAM RUTO"));
        Assert.True(Has(en, "Location", "MOMBASA"));
        Assert.DoesNotContain(en, e => e.Category == "Organization");
    }
}
