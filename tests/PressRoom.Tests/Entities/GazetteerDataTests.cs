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
    public void Generated_calendar_has_levantine_and_hijri_months()
    {
        var text = File.ReadAllText(Data("calendar.generated.tsv"));
        Assert.Contains("levantine\t1\tكانون الثاني\tJanuary", text, StringComparison.Ordinal);
        Assert.Contains("hijri\t9\tرمضان\tRamadan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lexicon_compiles_every_data_file_into_the_trie()
    {
        var lexicon = BuiltinLexicon.Load();
        Assert.True(lexicon.Trie.EntryCount > 3000, $"{lexicon.Trie.EntryCount} entries");
        Assert.Equal("Omani Rial", lexicon.CurrencyName("OMR"));
    }
}
