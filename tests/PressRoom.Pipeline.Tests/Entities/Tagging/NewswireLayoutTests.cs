using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Tagging;
using static PressRoom.Tests.Entities.EntityTestHelper;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>
/// Wire-copy layout (docs/entities.md, "Tenth pass"): datelines, results tables, headlines in capitals and a
/// nationality before a name. Text written for these tests; the span rules are tested on given tagger spans, so the
/// model's reading does not decide whether they can fail.
/// </summary>
public sealed class NewswireLayoutTests
{
    static DocumentContext Context(string text) => new(text, "en", null, BuiltinLexicon.Default);

    [Fact]
    public void A_dateline_place_in_capitals_is_a_location()
    {
        var en = Extract("MILAN 2026-01-14\nItalian bank Credito Nord said on Wednesday it would buy back shares .", "en");
        Assert.True(Has(en, "Location", "MILAN"));
        Assert.DoesNotContain(en, e => e.Category == "Organization" && e.Text == "MILAN");

        var withRegion = Extract("TOULOUSE , France 2026-01-12\nThe planemaker delivered 61 jets in December .", "en");
        Assert.True(Has(withRegion, "Location", "TOULOUSE"));
        Assert.True(Has(withRegion, "Location", "France"));

        // The dateline of running wire text and of a release: the date right after the comma.
        var running = Extract("KARLSTAD , March 3 ( Wire ) - Talks on the ceasefire resumed on Tuesday , officials said .", "en");
        Assert.True(Has(running, "Location", "KARLSTAD"));
    }

    [Fact]
    public void A_club_named_in_full_is_an_organization_by_its_last_word()
    {
        var ctx = Context("Beijing Guoan drew 2-2 with Kelvale Rovers on Sunday . Guoan midfielder Zhang Xiaolong equalised late , and the Rovers stay fourth .\nThe Ministry of Health said Health workers would be paid . Harlow Rovers Park hosts the final .");
        int At(string word, int from = 0) => ctx.Tokens.FindIndex(from, t => t.Folded == word);
        var guoan = At("guoan");
        var rovers = At("rovers");
        var health = At("health");
        string Text(TaggedSpan s) => string.Join(' ', ctx.Tokens.Skip(s.First).Take(s.End - s.First).Select(t => ctx.Text[t.Start..t.End]));

        // The tagger named both clubs in full, then read the short mention as a person and missed "the Rovers".
        var spans = ClubMentions.Apply(ctx,
        [
            new TaggedSpan("ORG", guoan - 1, guoan + 1), new TaggedSpan("ORG", rovers - 1, rovers + 1),
            new TaggedSpan("PER", At("guoan", guoan + 1), At("guoan", guoan + 1) + 1), new TaggedSpan("ORG", health - 2, health + 1),
        ], capitals: null);

        // "Health" is the complement of an "of", not a name; "Rovers" before another capitalized word is part of a longer name.
        Assert.Equal(["ORG Beijing Guoan", "ORG Kelvale Rovers", "ORG Guoan", "ORG Rovers", "ORG Ministry of Health"], spans.Select(s => $"{s.Type} {Text(s)}"));
    }

    [Fact]
    public void A_club_of_the_results_lines_is_an_organization_by_its_first_word_except_as_a_place()
    {
        var ctx = Context("Results on Sunday :\nShandong Taishan 3 Henan FC 1\nAberdeen 2 Kelvale Rovers 0\nMatheus Ribeiro scored twice for Shandong in Shandong , and Aberdeen stay top .\nLeyte 9 4 35,820\nFloods hit Leyte on Monday .");
        int Last(string word) => ctx.Tokens.FindLastIndex(t => t.Folded == word);
        var shandong = Enumerable.Range(1, ctx.Count - 1).First(i => ctx.Tokens[i].Folded == "shandong" && ctx.Tokens[i - 1].Folded == "for");
        string Text(TaggedSpan s) => $"{s.Type} {ctx.Text[ctx.Tokens[s.First].Start..ctx.Tokens[s.End - 1].End]}@{s.First}";

        // The tagger read the club after "for" as a person and the one-word club as the city; "in Shandong" is the
        // province, and a table of a name and numbers alone ("Leyte 9 4 35,820") is no sport.
        TaggedSpan[] tagged = [new("PER", shandong, shandong + 1), new("LOC", Last("shandong"), Last("shandong") + 1), new("LOC", Last("aberdeen"), Last("aberdeen") + 1), new("LOC", Last("leyte"), Last("leyte") + 1)];
        var spans = ClubMentions.Apply(ctx, [.. tagged], capitals: null);

        Assert.Equal(
            [$"ORG Shandong@{shandong}", $"LOC Shandong@{Last("shandong")}", $"ORG Aberdeen@{Last("aberdeen")}", $"LOC Leyte@{Last("leyte")}"],
            spans.Where(s => s.First >= shandong).Select(Text));
    }

    [Fact]
    public void An_arabic_article_written_onto_a_name_is_part_of_it()
    {
        var ctx = Context("General Muhammad Kadhim al-Obeidi said fighters left Deir ez-Zor . Emir Meshal al-Ahmad al-Sabah thanked Adel Nour a lot .");
        int At(string word) => ctx.Tokens.FindIndex(t => t.Folded == word);
        string Text(TaggedSpan s) => string.Join(' ', ctx.Tokens.Skip(s.First).Take(s.End - s.First).Select(t => ctx.Text[t.Start..t.End]));

        // The tagger stopped before "al-Obeidi" and "ez-Zor", read on into "Deir ez-Zor", and typed "al-Sabah" apart.
        TaggedSpan[] tagged =
        [
            new("PER", At("muhammad"), At("al-obeidi")), new("LOC", At("deir"), At("ez-zor") + 1), new("PER", At("meshal"), At("al-sabah")),
            new("ORG", At("al-sabah"), At("al-sabah") + 1), new("PER", At("adel"), At("lot") + 1),
        ];
        var spans = Patronyms.Join(ctx, LowercaseTails.Trim(ctx, tagged));

        // A lower-case tail that is no particle name still goes ("Adel Nour a lot").
        Assert.Equal(["PER Muhammad Kadhim al-Obeidi", "LOC Deir ez-Zor", "PER Meshal al-Ahmad al-Sabah", "PER Adel Nour"], spans.Select(s => $"{s.Type} {Text(s)}"));
        Assert.False(Patronyms.IsParticleName("a-Team"));
        Assert.False(Patronyms.IsParticleName("anti-Western"));
    }

    [Fact]
    public void A_titled_rule_person_gives_way_to_the_tagger_name_that_goes_on_with_a_family_name()
    {
        var en = Extract("Major General Muhammad Kadhim al-Obeidi said two of the suspects were killed .", "en");
        Assert.True(Has(en, "Person", "Muhammad Kadhim al-Obeidi"));
        Assert.DoesNotContain(en, e => e.Category == "Person" && e.Text == "Muhammad Kadhim");
    }

    [Fact]
    public void A_line_in_capitals_before_a_year_is_no_dateline()
    {
        var ctx = Context("REVOLUTION 1917 CHANGED RUSSIA\nIN 2015 , THE COUNCIL MET\nKARLSTAD 2026-01-14\nTalks resumed .");
        TemporalRecognizer.Run(ctx); // the dates the rules find first

        var spans = Datelines.Apply(ctx, []);

        var karlstad = ctx.Tokens.FindIndex(t => t.Folded == "karlstad");
        Assert.Equal([new TaggedSpan("LOC", karlstad, karlstad + 1)], spans);
    }

    [Fact]
    public void Teams_in_score_fixture_and_standings_lines_are_clubs_or_national_teams()
    {
        var ctx = Context("Results on Saturday :\nGirona 0 Athletic Bilbao 2\nReal Betis v Osasuna\nBarcelona 28 21 4 3 61 22 67\nItaly 2 Wales 0\nFenerbahce ( Turkey ) 84 Olympiacos ( Greece ) 79\nFreiburg 1 Hamburg 0 Mainz 3 Union Berlin 1\nThe coach said 2 players were hurt .");

        // The tagger ran "Girona 0 Athletic Bilbao" together and read Barcelona as the city.
        var girona = ctx.Tokens.FindIndex(t => t.Folded == "girona");
        var barcelona = ctx.Tokens.FindIndex(t => t.Folded == "barcelona");
        var spans = ResultLines.Apply(ctx, [new TaggedSpan("ORG", girona, girona + 4), new TaggedSpan("LOC", barcelona, barcelona + 1)]);

        string Text(TaggedSpan s) => string.Join(' ', ctx.Tokens.Skip(s.First).Take(s.End - s.First).Select(t => ctx.Text[t.Start..t.End]));
        Assert.Equal(
            ["ORG Girona", "ORG Athletic Bilbao", "ORG Real Betis", "ORG Osasuna", "ORG Barcelona", "LOC Italy", "LOC Wales",
             "ORG Fenerbahce", "ORG Olympiacos", "ORG Freiburg", "ORG Hamburg", "ORG Mainz", "ORG Union Berlin"],
            spans.Select(s => $"{s.Type} {Text(s)}"));
    }

    [Fact]
    public void A_club_named_after_a_listed_city_stays_a_club_in_the_extractor_output()
    {
        // The gazetteer knows Hamburg, Boston and Toronto as cities; on a results line they are the clubs.
        const string text = "Results on Saturday :\nFreiburg 1 Hamburg 0\nToronto 5 BOSTON 3\nThe mayor of Hamburg watched .";
        var en = Extract(text, "en");

        string? TypeAt(int offset) => en.FirstOrDefault(e => e.Offset == offset)?.Category;
        Assert.Equal("Organization", TypeAt(text.IndexOf("Hamburg", StringComparison.Ordinal)));
        Assert.Equal("Organization", TypeAt(text.IndexOf("Toronto", StringComparison.Ordinal)));
        Assert.Equal("Organization", TypeAt(text.IndexOf("BOSTON", StringComparison.Ordinal)));
        Assert.Equal("Location", TypeAt(text.LastIndexOf("Hamburg", StringComparison.Ordinal))); // the city in running text
    }

    [Fact]
    public void The_tagger_s_organization_beats_a_listed_city_or_region_but_not_a_country()
    {
        var ctx = Context("Utah 0 Vancouver 2\nEgypt and the United Arab Emirates were working on a plan .");
        GazetteerRecognizer.Run(ctx); // the lists read all three as places
        var utah = ctx.Tokens.FindIndex(t => t.Folded == "utah");
        var united = ctx.Tokens.FindIndex(t => t.Folded == "united");

        // The tagger read Utah as the club and, wrongly, the Emirates as an organization.
        TaggerRecognizer.Run(ctx, [new TaggedSpan("ORG", utah, utah + 1), new TaggedSpan("ORG", united, united + 3)], TaggerCombination.TaggerFirst);

        string[] At(int token) => [.. ctx.Candidates.Where(c => c.FirstToken == token).Select(c => c.Category)];
        Assert.Equal(["Organization"], At(utah));
        Assert.Equal(["Location"], At(united));
    }

    [Fact]
    public void A_name_in_a_headline_in_capitals_takes_the_type_the_body_gives_it()
    {
        const string text = "BRITAIN 'S REEVES RAISES TAXES AS SOUTH KOREA WATCHES\nLONDON 2026-11-26\nFinance minister Rachel Reeves raised taxes , and officials in Korea said they were watching .";
        var ctx = Context(text);
        var reeves = ctx.Tokens.FindIndex(t => t.Folded == "reeves");
        var south = ctx.Tokens.FindIndex(t => t.Folded == "south");
        var rachel = ctx.Tokens.FindIndex(t => t.Folded == "rachel");
        var korea = ctx.Tokens.FindLastIndex(t => t.Folded == "korea");

        // The tagger found the surname's person and Korea in the body, "SOUTH KOREA" in the headline, not REEVES.
        var spans = HeadlineMentions.Apply(ctx, [new TaggedSpan("LOC", south, south + 2), new TaggedSpan("PER", rachel, rachel + 2), new TaggedSpan("LOC", korea, korea + 1)], CapitalsText.Mark(ctx));

        Assert.Contains(new TaggedSpan("PER", reeves, reeves + 1), spans);
        Assert.Contains(new TaggedSpan("LOC", south, south + 2), spans); // not shortened to KOREA
    }

    [Fact]
    public void A_rule_event_does_not_run_over_a_headline_in_capitals()
    {
        var en = Extract("AFRICAN UNION SUMMIT OPENS WITH CALLS FOR SUDAN PEACE\nADDIS ABABA 2026-02-14\nLeaders discussed the war in Sudan . The African Union said it would send envoys .", "en");
        Assert.DoesNotContain(en, e => e.Category == "Event" && e.Text.Contains("SUDAN", StringComparison.Ordinal));
        Assert.True(Has(en, "Location", "SUDAN"));
    }

    [Fact]
    public void Every_name_on_a_cricket_scorecard_is_a_player()
    {
        var ctx = Context("Pakistan innings :\nFakhar Zaman c Smith b Carse 31\nSaim Ayub lbw b Archer 14\nAbrar Ahmed not out 6\nBowling : Archer 10-1-48-2 , Wood 9-0-57-1\nThe home side won by 5 wickets .");
        var fakhar = ctx.Tokens.FindIndex(t => t.Folded == "fakhar");

        // The tagger ran the batsman into the fielder.
        var spans = ScorecardLines.Apply(ctx, [new TaggedSpan("PER", fakhar, fakhar + 4)]);

        string Text(TaggedSpan s) => string.Join(' ', ctx.Tokens.Skip(s.First).Take(s.End - s.First).Select(t => ctx.Text[t.Start..t.End]));
        Assert.Equal(["Fakhar Zaman", "Smith", "Carse", "Saim Ayub", "Archer", "Abrar Ahmed", "Archer", "Wood"], spans.Select(Text));
        Assert.All(spans, s => Assert.Equal("PER", s.Type));
    }

    [Fact]
    public void A_word_and_a_head_noun_are_an_organization_without_the_tagger()
    {
        var en = Extract("A spokesman for the Finance Ministry in Berlin said the plan was sound , and the Security Council met .", "en");
        Assert.True(Has(en, "Organization", "Finance Ministry"));
        Assert.True(Has(en, "Organization", "Security Council"));
        Assert.True(Has(en, "Location", "Berlin"));
    }

    [Fact]
    public void A_nationality_noun_alone_is_no_name()
    {
        var en = Extract("The Spaniard won in straight sets , and the Briton took the bronze medal in Rome .", "en");
        Assert.DoesNotContain(en, e => e.Text is "Spaniard" or "Briton");
        Assert.True(Has(en, "Location", "Rome"));
    }

    [Fact]
    public void A_nationality_before_a_full_name_is_not_part_of_it()
    {
        var ctx = Context("Dutchman Max Verstappen was third , ahead of Australian Oscar Piastri and American Smith .");
        var spans = NationalityBeforeNames.Trim(ctx, [new TaggedSpan("PER", 0, 3), new TaggedSpan("PER", 8, 11), new TaggedSpan("PER", 12, 14)]);

        Assert.Equal([new TaggedSpan("PER", 1, 3), new TaggedSpan("PER", 9, 11), new TaggedSpan("PER", 12, 14)], spans);
    }
}
