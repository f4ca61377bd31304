using System.Text;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.EnglishNames;

/// <summary>How an English name was found.</summary>
internal enum EnglishNameSource
{
    /// <summary>From the table of official names (names composition cannot produce) or a gazetteer.</summary>
    Official,

    /// <summary>Composed word by word from the institutional lexicon.</summary>
    Composed,
}

/// <summary>An English name for an Arabic institution, role or event.</summary>
internal sealed record EnglishName(string Text, EnglishNameSource Source);

/// <summary>
/// English names for Arabic institutions, bodies, roles and events without any model: an official name when the
/// table has one, otherwise composed from the institutional lexicon in English order — the head noun with its
/// adjectives before it, its genitive complement before it (International Cooperation Department) or after it with
/// "of" (Ministry of Interior), ordinals first (Fourth Strategic Dialogue), ل/لدى links after it
/// (… Fund for Counter-Terrorism, … to the United Nations). Returns null when a word is not in the lexicon:
/// then the caller romanizes, because a half-translated name reads worse than a consistent romanization.
/// </summary>
/// <param name="useOfficialNames">False composes even names the official table holds (used to keep that table honest).</param>
internal sealed class EnglishNameComposer(NameLexicon lexicon, bool useOfficialNames = true)
{
    public static EnglishNameComposer Default { get; } = new(NameLexicon.Default);

    /// <summary>The English name of an Arabic phrase as written (folded here).</summary>
    public EnglishName? Compose(string arabic) =>
        Compose(ArabicFolding.FoldPhrase(arabic).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The English name of a name given as folded words (the builtin tokenizer's folding).</summary>
    public EnglishName? Compose(IReadOnlyList<string> folded)
    {
        if (folded.Count == 0)
        {
            return null;
        }

        if (useOfficialNames && lexicon.TryOfficial(string.Join(' ', folded), out var official))
        {
            return new EnglishName(official, EnglishNameSource.Official);
        }

        var units = Segment(folded);
        if (units is null)
        {
            return null;
        }

        var root = NameTree.Build(units);
        return root is null ? null : new EnglishName(root.Render(), EnglishNameSource.Composed);
    }

    /// <summary>The words as lexicon units, longest match first; null when a word is unknown.</summary>
    List<NameUnit>? Segment(IReadOnlyList<string> folded)
    {
        var units = new List<NameUnit>();
        var i = 0;
        while (i < folded.Count)
        {
            if (folded[i].All(char.IsAsciiDigit))
            {
                units.Add(new NameUnit(new NameWord(folded[i], NameWordKind.Name), NameLink.None, false, folded[i]));
                i++;
                continue;
            }

            var match = Match(folded, i);
            if (match is null)
            {
                return null;
            }

            units.Add(match.Value.Unit);
            i += match.Value.Length;
        }

        return MergePersonNames(units);
    }

    /// <summary>Given names joined by بن/بنت/آل become one proper name (حمد بن خليفة → Hamad bin Khalifa); a stray particle is not a name.</summary>
    static List<NameUnit>? MergePersonNames(List<NameUnit> units)
    {
        var merged = new List<NameUnit>(units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.Word.Particle)
            {
                return null;
            }

            if (!unit.Word.Person || unit.Link != NameLink.None && unit.Conjunction)
            {
                merged.Add(unit);
                continue;
            }

            var english = new List<string> { unit.Word.English };
            while (i + 2 < units.Count && units[i + 1].Word.Particle && units[i + 1].Link == NameLink.None && units[i + 2].Word.Person && !units[i + 2].Word.Particle)
            {
                english.Add(units[i + 1].Word.English);
                english.Add(units[i + 2].Word.English);
                i += 2;
            }

            merged.Add(unit with { Word = unit.Word with { English = string.Join(' ', english) } });
        }

        return merged;
    }

    (NameUnit Unit, int Length)? Match(IReadOnlyList<string> folded, int start)
    {
        for (var length = Math.Min(lexicon.MaxWords, folded.Count - start); length >= 1; length--)
        {
            foreach (var (link, conjunction, first) in Readings(folded[start]))
            {
                var words = new List<string>(length) { first };
                for (var k = 1; k < length; k++)
                {
                    words.Add(folded[start + k]);
                }

                if (lexicon.TryWord(NameLexicon.Key(words), out var word))
                {
                    if (word.Kind == NameWordKind.Link)
                    {
                        var kind = word.English == "and" ? NameLink.None : NameLink.Preposition;
                        return (new NameUnit(word, kind, word.English == "and", first), length);
                    }

                    return (new NameUnit(word, link, conjunction, first), length);
                }
            }
        }

        return null;
    }

    /// <summary>The ways to read a word's proclitics: as written; و (and); ل / لل (for, of); و + ل.</summary>
    static IEnumerable<(NameLink Link, bool Conjunction, string Stem)> Readings(string word)
    {
        yield return (NameLink.None, false, word);
        var rest = word;
        var conjunction = false;
        if (rest.Length > 2 && rest[0] == 'و')
        {
            conjunction = true;
            rest = rest[1..];
            yield return (NameLink.None, true, rest);
        }

        if (rest.Length > 3 && rest.StartsWith("لل", StringComparison.Ordinal))
        {
            // لل = ل + the article (للتنمية = for the development) …
            yield return (NameLink.Lam, conjunction, "ال" + rest[2..]);
        }

        // … or ل before a word that starts with ل (للجنة = for the committee, لمكافحة = for combating).
        if (rest.Length > 2 && rest[0] == 'ل')
        {
            yield return (NameLink.Lam, conjunction, rest[1..]);
        }
    }
}

/// <summary>How a unit joins the name: directly (genitive or adjective), by the proclitic ل, or after a preposition word.</summary>
internal enum NameLink
{
    None,
    Lam,
    Preposition,
}

/// <summary>One lexicon match in the name, with the proclitics read off its first word.</summary>
internal readonly record struct NameUnit(NameWord Word, NameLink Link, bool Conjunction, string Surface)
{
    /// <summary>Gender for agreement: the lexicon's, else ta marbuta (folded ه) or a sound feminine plural (ات).</summary>
    public bool Feminine => Word.Feminine ?? (Surface.EndsWith('ه') || Surface.EndsWith("ات", StringComparison.Ordinal));
}
