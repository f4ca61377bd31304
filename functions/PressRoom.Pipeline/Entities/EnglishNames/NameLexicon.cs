using System.Reflection;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.EnglishNames;

/// <summary>What a lexicon word does in a name.</summary>
internal enum NameWordKind
{
    Noun,
    Role,
    Adjective,
    Ordinal,
    Nationality,
    Name,
    Link,
}

/// <summary>One institutional word or phrase with its English and how it combines (see Data/institutional-words.tsv).</summary>
/// <param name="OfHead">As a head, its genitive complement follows with "of" (Ministry of …) instead of preceding it.</param>
/// <param name="TakesThe">Takes "the" after of/for/to (the United Nations, the Ministry …).</param>
/// <param name="AlwaysPost">As a complement it always follows with "of" (Council of Ministers).</param>
/// <param name="Feminine">Grammatical gender for adjective agreement; null = read it from the spelling.</param>
/// <param name="LinkOf">A complement joined by ل reads "of" (General Directorate of Customs, Permanent Representative of …).</param>
/// <param name="LinkPrenominal">A field joined by ل goes before the head (National Human Rights Committee).</param>
/// <param name="Preposition">A role's own preposition for ل (Spokesperson for, Special Rapporteur on).</param>
/// <param name="Person">A given name (Hamad, Khalifa): runs of them with بن/آل make one name (Hamad bin Khalifa University).</param>
/// <param name="Particle">بن، بنت، آل: only between given names.</param>
internal sealed record NameWord(
    string English,
    NameWordKind Kind,
    bool OfHead = false,
    bool TakesThe = false,
    bool AlwaysPost = false,
    bool? Feminine = null,
    bool LinkOf = false,
    bool LinkPrenominal = false,
    string? Preposition = null,
    bool Person = false,
    bool Particle = false);

/// <summary>
/// The bilingual lexicon of institutional words plus place names from the builtin gazetteers, keyed by folded words
/// without the article; and the table of official names that composition cannot produce. Immutable, loaded once.
/// </summary>
internal sealed class NameLexicon
{
    const string ResourcePrefix = "PressRoom.EnglishNames.";
    const string GazetteerPrefix = "PressRoom.Entities.Data.";

    static readonly Lazy<NameLexicon> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly Dictionary<string, NameWord> _words = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _official = new(StringComparer.Ordinal);

    public static NameLexicon Default => Shared.Value;

    /// <summary>Longest entry in words, so lookups try no longer spans.</summary>
    public int MaxWords { get; private set; } = 1;

    public int OfficialCount => _official.Count;

    /// <summary>The hand-written official names (Data/official-names.tsv), Arabic as written → English.</summary>
    public IReadOnlyList<(string Arabic, string English)> OfficialTable { get; private set; } = [];

    public bool TryWord(string key, out NameWord word) => _words.TryGetValue(key, out word!);

    /// <summary>The official English of a whole folded name (with or without its article).</summary>
    public bool TryOfficial(string foldedName, out string english) =>
        _official.TryGetValue(Key(foldedName.Split(' ', StringSplitOptions.RemoveEmptyEntries)), out english!);

    /// <summary>The lookup key: folded words, each without a leading article.</summary>
    public static string Key(IEnumerable<string> foldedWords) => string.Join(' ', foldedWords.Select(StripArticle));

    public static string StripArticle(string folded) =>
        folded.Length > 3 && folded.StartsWith("ال", StringComparison.Ordinal) ? folded[2..] : folded;

    static NameLexicon Load()
    {
        var lexicon = new NameLexicon();
        lexicon.LoadPlaces();
        foreach (var row in Rows(ResourcePrefix + "institutional-words.tsv"))
        {
            lexicon.AddWord(row[0], Parse(row));
        }

        var table = Rows(ResourcePrefix + "official-names.tsv").Select(r => (r[0], r[1])).ToList();
        foreach (var (arabic, english) in table)
        {
            lexicon._official[Key(ArabicFolding.FoldPhrase(arabic).Split(' '))] = english;
        }

        lexicon.OfficialTable = table;

        foreach (var file in new[] { "organizations.tsv", "events.tsv" })
        {
            // The builtin gazetteer's Arabic names of well-known bodies and events are official names too.
            foreach (var row in Rows(GazetteerPrefix + file).Where(r => r[0].Any(ArabicFolding.IsArabicLetter) && r.Length > 1))
            {
                lexicon._official.TryAdd(Key(ArabicFolding.FoldPhrase(row[0]).Split(' ')), row[1]);
            }
        }

        return lexicon;
    }

    void LoadPlaces()
    {
        // Given names first: places and institutional words spelled the same take precedence.
        foreach (var row in Rows(GazetteerPrefix + "given-names.tsv").Where(r => r.Length > 1 && !(r.Length > 2 && r[2] == "ambiguous")))
        {
            AddWord(row[0], new NameWord(row[1].Split('|')[0], NameWordKind.Name, Person: true));
        }

        foreach (var row in Rows(GazetteerPrefix + "persons.tsv").Where(r => r.Length > 2 && r[0] == "particle" && r[1] is "بن" or "بنت" or "آل"))
        {
            AddWord(row[1], new NameWord(row[2], NameWordKind.Name, Person: true, Particle: true));
        }

        var preferred = Rows(GazetteerPrefix + "country-names.tsv").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        foreach (var row in Rows(GazetteerPrefix + "countries.generated.tsv"))
        {
            var english = preferred.GetValueOrDefault(row[0], row[1]);
            AddWord(row[2], new NameWord(english, NameWordKind.Name, TakesThe: NeedsThe(english), Feminine: true));
        }

        foreach (var row in Rows(GazetteerPrefix + "cities.tsv").Where(r => r.Length > 1 && !(r.Length > 3 && r[3] == "ambiguous")))
        {
            AddWord(row[0], new NameWord(row[1], NameWordKind.Name, Feminine: true));
        }
    }

    /// <summary>Countries named by a common noun take the article: the United Arab Emirates, the Netherlands.</summary>
    static bool NeedsThe(string english) =>
        english.StartsWith("United ", StringComparison.Ordinal) || english.Contains("Republic", StringComparison.Ordinal)
        || english.StartsWith("Kingdom", StringComparison.Ordinal) || english is "Netherlands" or "Philippines" or "Gambia" or "Bahamas";

    void AddWord(string arabic, NameWord word)
    {
        var words = ArabicFolding.FoldPhrase(arabic).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return;
        }

        var key = Key(words);
        _words[key] = word;
        MaxWords = Math.Max(MaxWords, words.Length);
        if (word.Kind is NameWordKind.Adjective or NameWordKind.Ordinal or NameWordKind.Nationality && word.Feminine is null && key.EndsWith('ي'))
        {
            // The feminine form in ta marbuta agrees with feminine heads (الدولي → الدولية).
            _words.TryAdd(key + "ه", word with { Feminine = true });
        }
    }

    static NameWord Parse(string[] row)
    {
        var kind = row[2] switch
        {
            "noun" => NameWordKind.Noun,
            "role" => NameWordKind.Role,
            "adj" => NameWordKind.Adjective,
            "ord" => NameWordKind.Ordinal,
            "nat" => NameWordKind.Nationality,
            "name" => NameWordKind.Name,
            "link" => NameWordKind.Link,
            _ => throw new InvalidDataException($"Unknown kind '{row[2]}' in institutional-words.tsv"),
        };
        var flags = (row.Length > 3 ? row[3] : "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        bool? feminine = flags.Contains("f") || flags.Contains("pl") ? true : flags.Contains("m") ? false : null;
        return new NameWord(
            row[1],
            kind,
            OfHead: flags.Contains("of"),
            TakesThe: flags.Contains("the"),
            AlwaysPost: flags.Contains("post"),
            Feminine: feminine,
            LinkOf: flags.Contains("lof") || kind == NameWordKind.Role,
            LinkPrenominal: flags.Contains("lpre"),
            Preposition: flags.Contains("for") ? "for" : flags.Contains("on") ? "on" : null);
    }

    static IEnumerable<string[]> Rows(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded resource {resource}");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return line.Split('\t');
        }
    }
}
