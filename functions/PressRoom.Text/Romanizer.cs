using System.Text;

namespace PressRoom.TextKernel;

/// <summary>
/// Romanization of Arabic words for names that no gazetteer knows (personal names and unknown places), by a
/// standard scheme with the spellings Gulf media use: simplified ALA-LC/UNGEGN consonants without diacritics
/// (ض ظ → dh), long vowels written (ou for و), ta marbuta → a, the article "Al-" with no sun-letter assimilation,
/// عبد + article → Abdul…, and short vowels restored from the name templates (<see cref="StemRomanizer"/>).
/// It is deterministic: the same spelling always gives the same English form and so the same entity key.
/// docs/entities.md ("Romanization") documents the table and the rules.
/// </summary>
public static class Romanizer
{
    /// <summary>Name particles and the article on its own, as Gulf releases write them.</summary>
    static readonly Dictionary<string, string> Particles = new(StringComparer.Ordinal)
    {
        ["بن"] = "bin", ["بنت"] = "bint", ["ابن"] = "Ibn", ["ال"] = "Al", ["ابو"] = "Abu", ["بو"] = "Bu", ["عبد"] = "Abd",
    };

    /// <summary>
    /// The documented exceptions: names whose Gulf spelling no template gives (the vowels of محمد and أحمد are
    /// not the CaCaC the rules restore) and the divine name inside Abdullah.
    /// </summary>
    static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["محمد"] = "Mohammed", ["احمد"] = "Ahmed", ["الله"] = "Allah",
    };

    public static string RomanizeWord(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        var letters = RomanizationLetters.Prepare(folded);
        if (letters.Length == 0)
        {
            return "";
        }

        // Slavic surnames have a usual English spelling (فورونكوف → Voronkov).
        if (SlavicSurnameSpelling.TrySpell(letters.Replace('ة', 'ه'), out var slavic))
        {
            return slavic;
        }

        if (letters.Any(char.IsAsciiDigit))
        {
            return Capitalize(LetterByLetter(letters));
        }

        if (Particles.TryGetValue(letters, out var particle))
        {
            return particle;
        }

        if (letters.StartsWith("عبدال", StringComparison.Ordinal) && letters.Length > 5)
        {
            // عبد + the article is written as one name: Abdullah, Abdulrahman, Abdulaziz.
            var rest = letters[5..];
            return "Abdul" + (rest is "له" or "لة" ? "lah" : StemRomanizer.Romanize(rest, inCompound: true));
        }

        if (letters.StartsWith("ال", StringComparison.Ordinal) && letters.Length > 3 && !Exceptions.ContainsKey(letters))
        {
            // The article is "Al-" before every letter: Gulf usage does not assimilate sun letters (Al-Shamsi, not Ash-Shamsi).
            return "Al-" + Stem(letters[2..]);
        }

        return Stem(letters);
    }

    /// <summary>Romanizes a name word by word; "عبد" followed by an article word is one name (عبد الله → Abdullah).</summary>
    public static string RomanizePhrase(IEnumerable<string> foldedWords)
    {
        ArgumentNullException.ThrowIfNull(foldedWords);
        var words = foldedWords.Where(w => w.Length > 0).ToList();
        var romanized = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i + 1 < words.Count && RomanizationLetters.Prepare(word) == "عبد"
                && RomanizationLetters.Prepare(words[i + 1]) is { Length: > 2 } next && next.StartsWith("ال", StringComparison.Ordinal))
            {
                word += words[++i];
            }

            romanized.Add(RomanizeWord(word));
        }

        return string.Join(' ', romanized.Where(w => w.Length > 0));
    }

    static string Stem(string letters) =>
        Capitalize(Exceptions.TryGetValue(letters.Replace('ة', 'ه'), out var exception) ? exception : StemRomanizer.Romanize(letters, inCompound: false));

    static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Mixed tokens with digits (a model number, a plate) are transliterated letter by letter, without vowel rules.</summary>
    static string LetterByLetter(string letters)
    {
        var text = new StringBuilder(letters.Length + 4);
        foreach (var c in letters)
        {
            var latin = c switch
            {
                'ا' or 'ى' or 'ة' or 'إ' => "a",
                _ => RomanizationLetters.Consonant(c) is { } consonant ? consonant.Replace("'", "", StringComparison.Ordinal)
                    : char.IsAsciiLetterOrDigit(c) || c == '-' ? c.ToString() : "",
            };
            text.Append(latin);
        }

        return text.ToString();
    }
}
