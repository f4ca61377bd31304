using System.Globalization;
using System.Reflection;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Lexicon;

/// <summary>
/// The gazetteers of the builtin extractor (Entities/Data/*.tsv, embedded), loaded once and compiled into a trie.
/// Immutable after <see cref="Load"/>; one instance is shared by all extractions.
/// </summary>
internal sealed class BuiltinLexicon
{
    const string ResourcePrefix = "PressRoom.Entities.Data.";

    static readonly Lazy<BuiltinLexicon> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly Dictionary<string, string> _countryEnglish = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _currencyEnglish = new(StringComparer.Ordinal);

    BuiltinLexicon()
    {
    }

    public static BuiltinLexicon Default => Shared.Value;

    public LexiconTrie Trie { get; } = new();

    public string CurrencyName(string code) => _currencyEnglish.GetValueOrDefault(code, code);

    public static BuiltinLexicon Load()
    {
        var lexicon = new BuiltinLexicon();
        lexicon.LoadCountries();
        lexicon.LoadCurrencies();
        lexicon.LoadCalendar();
        lexicon.LoadRest();
        return lexicon;
    }

    void LoadCountries()
    {
        var preferred = Rows("country-names.tsv").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        foreach (var row in Rows("countries.generated.tsv"))
        {
            var english = preferred.GetValueOrDefault(row[0], row[1]);
            _countryEnglish[row[0]] = english;
            AddEntry(row[2], LexKind.Country, english, "Country", row[0]);
            AddEntry(row[1], LexKind.Country, english, "Country", row[0]);
            if (english != row[1])
            {
                AddEntry(english, LexKind.Country, english, "Country", row[0]);
            }
        }

        foreach (var row in Rows("country-aliases.tsv"))
        {
            if (_countryEnglish.TryGetValue(row[1], out var english))
            {
                AddEntry(row[0], LexKind.Country, english, "Country", row[1]);
            }
        }

        // English names too ("Chicago" in English text), once each: several Arabic spellings share one English name.
        // A one-word name of a row flagged ambiguous is left to the tagger: "Hit", "Nice", "Reading", "Gary" are words and names.
        var cityEnglish = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Rows("cities.tsv"))
        {
            AddEntry(row[0], LexKind.City, row[1], "City", row.ElementAtOrDefault(2), ambiguous: Flag(row, 3));
            if (row[0] != row[1] && !(Flag(row, 3) && !row[1].Contains(' ', StringComparison.Ordinal)) && cityEnglish.Add(row[1]))
            {
                AddEntry(row[1], LexKind.City, row[1], "City", row.ElementAtOrDefault(2), ambiguous: Flag(row, 3));
            }
        }

        foreach (var row in Rows("regions.tsv"))
        {
            AddEntry(row[0], LexKind.Region, row[1], row.ElementAtOrDefault(2) ?? "GPE", null, ambiguous: Flag(row, 3));
        }
    }

    void LoadCurrencies()
    {
        foreach (var row in Rows("currencies.generated.tsv"))
        {
            _currencyEnglish[row[0]] = row[1];
            AddEntry(row[0], LexKind.Currency, row[1], "code", row[0]);
            AddEntry(row[1], LexKind.Currency, row[1], null, row[0]);
            if (row.Length > 2 && row[2].Length > 0)
            {
                AddEntry(row[2], LexKind.Currency, row[1], null, row[0]);
            }
        }

        foreach (var row in Rows("currency-aliases.tsv"))
        {
            var ambiguous = row[1].EndsWith('*');
            var code = row[1].TrimEnd('*');
            AddEntry(row[0], LexKind.Currency, _currencyEnglish.GetValueOrDefault(code, code), ambiguous ? "base" : null, code, ambiguous: ambiguous);
        }
    }

    void LoadCalendar()
    {
        var ambiguous = Rows("time-words.tsv").Where(r => r[0] == "ambiguous-month")
            .Select(r => ArabicFolding.Fold(r[1])).ToHashSet(StringComparer.Ordinal);
        // Months from the one month table of the text kernel; weekdays from the generated calendar data.
        foreach (var month in MonthNames.All)
        {
            var calendar = month.Calendar == MonthCalendar.Hijri ? "hijri" : "gregorian";
            AddEntry(month.Name, LexKind.Month, month.English, calendar, calendar, month.Month, ambiguous.Contains(ArabicFolding.Fold(month.Name)));
        }

        foreach (var row in Rows("calendar.generated.tsv"))
        {
            if (row[0] is "weekday" or "weekday-en")
            {
                AddEntry(row[2], LexKind.Weekday, row[3], null, null, int.Parse(row[1], CultureInfo.InvariantCulture));
            }
        }

        foreach (var (name, index) in new[] { ("الإثنين", 1), ("الاثنين", 1), ("الأربعاء", 3) })
        {
            AddEntry(name, LexKind.Weekday, CultureInfo.InvariantCulture.DateTimeFormat.DayNames[index % 7], null, null, index);
        }
    }

    /// <summary>Organization gazetteers: the product's own bodies, then sports clubs and federations, then companies, media and parties.</summary>
    static readonly string[] OrganizationFiles = ["organizations.tsv", "organizations-sports.tsv", "organizations-more.tsv", "organizations-arab.tsv", "organizations-world.tsv"];

    /// <summary>Lists the rules use and the tagger does not see (<see cref="LexEntry.RuleOnly"/>).</summary>
    static readonly HashSet<string> RuleOnlyFiles = new(StringComparer.Ordinal) { "organizations-world.tsv", "heads-firms.tsv" };

    /// <summary>Well-known people: the first list, then Arab politics, Arab sport and culture, and the rest of the world.</summary>
    static readonly string[] KnownPersonFiles = ["persons-known.tsv", "persons-known-arab-politics.tsv", "persons-known-arab-culture.tsv", "persons-known-world.tsv"];

    void LoadRest()
    {
        foreach (var file in OrganizationFiles)
        {
            foreach (var row in Rows(file))
            {
                AddEntry(row[0], LexKind.Organization, row[1], null, null, ambiguous: Flag(row, 2), ruleOnly: RuleOnlyFiles.Contains(file));
            }
        }

        foreach (var row in Rows("events.tsv"))
        {
            AddEntry(row[0], LexKind.Event, row[1], null, null);
        }

        foreach (var row in Rows("persons.tsv"))
        {
            var kind = row[0] switch
            {
                "honorific" => LexKind.Honorific,
                "rank" => LexKind.Rank,
                _ => LexKind.Particle,
            };
            AddEntry(row[1], kind, row[2], null, null);
        }

        foreach (var row in Rows("roles.tsv"))
        {
            AddEntry(row[0], LexKind.Role, row[1], null, null);
        }

        foreach (var row in Rows("given-names.tsv"))
        {
            var spellings = row[1].Split('|');
            var ambiguous = Flag(row, 2);
            AddEntry(row[0], LexKind.GivenName, spellings[0], null, null, ambiguous: ambiguous);
            foreach (var spelling in spellings)
            {
                AddEntry(spelling, LexKind.GivenName, spellings[0], null, null, ambiguous: ambiguous);
            }
        }

        foreach (var (row, ruleOnly) in Rows("heads.tsv").Select(r => (r, false)).Concat(Rows("heads-firms.tsv").Select(r => (r, true))))
        {
            var kind = row[0] switch
            {
                "org" => LexKind.OrgHead,
                "event" => LexKind.EventHead,
                "structure" => LexKind.StructureHead,
                "gpe" => LexKind.GpeHead,
                _ => LexKind.StatePrefix,
            };
            AddEntry(row[1], kind, row[2], null, row.ElementAtOrDefault(3), ruleOnly: ruleOnly);
        }

        foreach (var row in Rows("numbers.tsv"))
        {
            var kind = row[0] switch
            {
                "cardinal" => LexKind.Cardinal,
                "tens" => LexKind.Tens,
                "ordinal" => LexKind.Ordinal,
                "scale" => LexKind.Scale,
                _ => LexKind.DualScale,
            };
            AddEntry(row[1], kind, null, null, null, decimal.Parse(row[2], CultureInfo.InvariantCulture));
        }

        foreach (var row in Rows("time-words.tsv"))
        {
            var value = row.ElementAtOrDefault(2) ?? "";
            _ = decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number);
            LexKind? kind = row[0] switch
            {
                "day" => LexKind.DayRelative,
                "unit" => LexKind.RelativeUnit,
                "after" => LexKind.ModifierAfter,
                "before" => LexKind.ModifierBefore,
                "set" => LexKind.SetWord,
                "duration" => LexKind.DurationUnit,
                "dual" => LexKind.DualUnit,
                "part" => LexKind.YearPart,
                "hijri" => LexKind.HijriMarker,
                "gregorian" => LexKind.GregorianMarker,
                "percent" => LexKind.Percent,
                "dayword" => LexKind.DayWord,
                "yearword" => LexKind.YearWord,
                "monthword" => LexKind.MonthWord,
                _ => null,
            };
            if (kind is { } k)
            {
                AddEntry(row[1], k, null, null, value, number);
            }
        }

        foreach (var row in Rows("stopwords.tsv"))
        {
            AddEntry(row[0], LexKind.Stop, null, null, null);
        }

        foreach (var row in KnownPersonFiles.SelectMany(Rows))
        {
            AddEntry(row[0], LexKind.KnownPerson, row[1], null, null, ambiguous: Flag(row, 2));
        }

        foreach (var row in Rows("given-names-latin.tsv"))
        {
            AddEntry(row[0], LexKind.LatinGivenName, row[0], null, null, ambiguous: Flag(row, 1));
        }
    }

    void AddEntry(string surface, LexKind kind, string? english, string? subcategory, string? code, decimal number = 0, bool ambiguous = false, bool ruleOnly = false)
    {
        var tokens = Tokenizer.Tokenize(surface).Where(t => t.Kind != TokenKind.Break).Select(t => t.Folded).ToList();
        if (tokens.Count == 0)
        {
            return;
        }

        var latin = surface.Any(c => c is >= 'A' and <= 'z');
        Trie.Add(tokens, new LexEntry
        {
            Kind = kind,
            Surface = surface,
            English = english,
            Subcategory = subcategory,
            Code = code,
            Number = number,
            Ambiguous = ambiguous,
            RuleOnly = ruleOnly,
            IsLatin = latin,
            TokenCount = tokens.Count,
        });
    }

    static bool Flag(string[] row, int column) => row.Length > column && row[column] == "ambiguous";

    static IEnumerable<string[]> Rows(string file)
    {
        using var stream = typeof(BuiltinLexicon).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"Embedded gazetteer {file} is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }
}
