using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Entities;

public sealed class GazetteerDataTests
{
    static string Data(string file) => Path.Combine(RepoPaths.Root, "functions", "PressRoom.Pipeline", "Entities", "Data", file);

    [Fact]
    public void Generated_countries_carry_icu_arabic_names_of_non_arab_countries()
    {
        var rows = File.ReadAllLines(Data("countries.generated.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToDictionary(r => r[0], r => r);
        Assert.True(rows.Count > 200);
        Assert.Equal("اليابان", rows["JP"][2]);
        Assert.Equal("ألمانيا", rows["DE"][2]);
        Assert.Equal("Qatar", rows["QA"][1]);
    }

    [Fact]
    public void The_month_table_has_levantine_maghrebi_and_hijri_months_and_the_calendar_data_only_weekdays()
    {
        Assert.Contains(new MonthName("كانون الثاني", 1, MonthCalendar.Gregorian, "January"), MonthNames.All);
        Assert.Contains(new MonthName("جويلية", 7, MonthCalendar.Gregorian, "July"), MonthNames.All);
        Assert.Contains(new MonthName("رمضان", 9, MonthCalendar.Hijri, "Ramadan"), MonthNames.All);
        Assert.Equal(1, MonthNames.Lookup[TextNormalizer.Normalize("كانون الثاني")]);
        Assert.DoesNotContain(TextNormalizer.Normalize("رمضان"), MonthNames.Lookup.Keys);

        var kinds = File.ReadAllLines(Data("calendar.generated.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[0]).Distinct();
        Assert.Equal(["weekday", "weekday-en"], kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lexicon_compiles_every_data_file_into_the_trie()
    {
        var lexicon = BuiltinLexicon.Load();
        Assert.True(lexicon.Trie.EntryCount > 3000, $"{lexicon.Trie.EntryCount} entries");
        Assert.Equal("Omani Rial", lexicon.CurrencyName("OMR"));
    }

    [Theory]
    [InlineData("organizations.tsv", 2, 3)]
    [InlineData("organizations-sports.tsv", 2, 3)]
    [InlineData("organizations-more.tsv", 2, 3)]
    [InlineData("cities.tsv", 3, 4)]
    [InlineData("given-names.tsv", 2, 3)]
    [InlineData("given-names-latin.tsv", 1, 2)]
    [InlineData("regions.tsv", 3, 4)]
    [InlineData("organizations-arab.tsv", 2, 3)]
    [InlineData("organizations-world.tsv", 2, 3)]
    [InlineData("persons-known.tsv", 2, 3)]
    [InlineData("persons-known-arab-politics.tsv", 2, 3)]
    [InlineData("persons-known-arab-culture.tsv", 2, 3)]
    [InlineData("persons-known-world.tsv", 2, 3)]
    public void Name_lists_have_their_columns_no_empty_field_and_only_the_ambiguous_flag(string file, int columns, int withFlag)
    {
        var rows = File.ReadAllLines(Data(file)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.InRange(r.Length, columns, withFlag);
            Assert.All(r, field => Assert.False(string.IsNullOrWhiteSpace(field) || field != field.Trim(), $"{file}: [{string.Join('|', r)}]"));
            Assert.True(r.Length == columns || r[^1] == "ambiguous", $"{file}: [{string.Join('|', r)}]");
        });
    }

    [Fact]
    public void A_name_is_listed_once_across_the_organization_lists()
    {
        var names = new[] { "organizations.tsv", "organizations-sports.tsv", "organizations-more.tsv", "organizations-arab.tsv", "organizations-world.tsv" }
            .SelectMany(f => File.ReadAllLines(Data(f)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => TextNormalizer.Normalize(l.Split('\t')[0])))
            .ToList();
        Assert.Empty(names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void A_known_persons_name_without_the_ambiguous_flag_names_one_person_across_the_lists()
    {
        // An unflagged name gives its English name and key to the person (KnownPersons): it must not name two people.
        var owners = new[] { "persons-known.tsv", "persons-known-arab-politics.tsv", "persons-known-arab-culture.tsv", "persons-known-world.tsv" }
            .SelectMany(f => File.ReadAllLines(Data(f)).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')))
            .GroupBy(r => TextNormalizer.Normalize(r[0]), StringComparer.Ordinal)
            .Where(g => g.Any(r => r.Length == 2) && g.Select(r => r[1]).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(owners);
    }
}
