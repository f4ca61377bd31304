using System.Text;

namespace PressRoom.TextKernel;

/// <summary>
/// Romanizes one Arabic stem (no article, no particle) by rules: the consonant table, the long vowels written in
/// the script (ا و ي), and short vowels — which Arabic script does not write — restored from the common name
/// templates (CaCaC, CaCCāC, CāCiC, CaCīC, the diminutive CuCayCī, muCāCaC). Deterministic: one spelling, one result.
/// See docs/entities.md, "Romanization", for the table and every rule with its examples.
/// </summary>
internal static class StemRomanizer
{
    enum Kind { Consonant, Long, Final, Initial, Seat }

    readonly record struct Unit(Kind Kind, string Latin, char Letter);

    /// <summary>Final consonants after which the short vowel of CāCiC is written "e" in the Gulf (Saleh, Taher, Adel).</summary>
    const string OpenFinals = "حعهرل";

    public static string Romanize(string stem, bool inCompound)
    {
        var units = Classify(stem);
        var shape = Shape(units);
        var pattern = new Patterns(
            // CuCayCī: the nisba of a diminutive (Al Nuaimi, Al Suwaidi, Al Qubaisi).
            Diminutive: shape == "CCICF" && units[4].Latin == "i",
            // CaCīC as a name on its own: the long i written "ee" (Saeed, Waleed); not inside Abdul… (Abdulaziz).
            LongEe: shape == "CCIC" && !inCompound,
            // muCāCaC, the m-participle (Mubarak).
            Mufaal: shape == "CCACC" && units[0].Letter == 'م');

        var text = new StringBuilder(stem.Length * 2);
        for (var i = 0; i < units.Count;)
        {
            if (units[i].Kind != Kind.Consonant)
            {
                text.Append(Vowel(units, i, pattern));
                i++;
                continue;
            }

            var end = i;
            while (end < units.Count && units[end].Kind == Kind.Consonant)
            {
                end++;
            }

            text.Append(Run(units.GetRange(i, end - i), i > 0 ? units[i - 1] : null, end < units.Count ? units[end] : null, pattern));
            i = end;
        }

        return Glottals(text.ToString());
    }

    readonly record struct Patterns(bool Diminutive, bool LongEe, bool Mufaal);

    static List<Unit> Classify(string stem)
    {
        var units = new List<Unit>(stem.Length);
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            var last = i == stem.Length - 1;
            var prev = i > 0 ? stem[i - 1] : '\0';
            var next = last ? '\0' : stem[i + 1];
            var afterConsonant = units.Count > 0 && units[^1].Kind == Kind.Consonant;
            switch (c)
            {
                case 'إ' when i == 0:
                    units.Add(new(Kind.Initial, "i", c));
                    break;
                case 'ا' when i == 0:
                    units.Add(new(Kind.Initial, "a", c));
                    break;
                case 'ا':
                    units.Add(new(Kind.Long, "a", c));
                    break;
                case 'ة':
                case 'ه' when last && i > 0 && prev != 'ا':
                case 'ى' when last && i > 0:
                    units.Add(new(Kind.Final, "a", c)); // ta marbuta and final alef maqsura: a
                    break;
                case 'و' when i == 0 || next == 'ا' || prev == 'ا' || !afterConsonant || next == 'ي' && i + 2 < stem.Length:
                case 'ي' when i == 0 || next == 'ا' || !afterConsonant && prev != 'ا':
                    units.Add(new(Kind.Consonant, c == 'و' ? "w" : "y", c)); // before a long a, or starting a syllable
                    break;
                case 'و':
                    units.Add(new(Kind.Long, last ? "u" : "ou", c)); // Gulf "ou": Mansour, Maktoum
                    break;
                case 'ي' when prev == 'ا':
                    // A hamza seat after long a: Zayed, Fayez before one final consonant, else Aisha.
                    units.Add(new(Kind.Seat, i == stem.Length - 2 && RomanizationLetters.Consonant(next) is not null ? "ye" : "i", c));
                    break;
                case 'ي' when last:
                    units.Add(new(Kind.Final, "i", c)); // the nisba ending: Al Shamsi
                    break;
                case 'ي' when next == 'ة' || next == 'ه' && i + 1 == stem.Length - 1:
                    units.Add(new(Kind.Final, "iya", c)); // -iyya: Al Shahaniya
                    i++;
                    break;
                case 'ي':
                    units.Add(new(Kind.Long, "i", c));
                    break;
                default:
                    if (RomanizationLetters.Consonant(c) is { } latin)
                    {
                        units.Add(new(Kind.Consonant, latin, c));
                    }
                    else if (char.IsAsciiLetterOrDigit(c))
                    {
                        units.Add(new(Kind.Consonant, char.ToLowerInvariant(c).ToString(), c));
                    }

                    break;
            }
        }

        return units;
    }

    static string Shape(List<Unit> units) => string.Concat(units.Select(u => u.Kind switch
    {
        Kind.Consonant => 'C',
        Kind.Long => u.Letter switch { 'ا' => 'A', 'و' => 'U', _ => 'I' },
        Kind.Final => 'F',
        Kind.Initial => 'N',
        _ => 'S',
    }));

    static string Vowel(List<Unit> units, int i, Patterns pattern)
    {
        var unit = units[i];
        if (unit.Kind != Kind.Long || unit.Letter != 'ي')
        {
            return unit.Latin;
        }

        // ي after a single initial consonant is the diphthong ai (Saif, Faisal, Shaikha, Al Ain).
        if (i == 1 || pattern.Diminutive)
        {
            return "ai";
        }

        return pattern.LongEe ? "ee" : "i";
    }

    /// <summary>A run of consonants with the short vowels the templates give it, by where the run stands.</summary>
    static string Run(List<Unit> run, Unit? prev, Unit? next, Patterns pattern)
    {
        var n = run.Count;
        if (n == 1)
        {
            return run[0].Latin;
        }

        if (prev is null && next is null)
        {
            // No long vowel at all: CaC, CaCaC (Hamad, Fahad, Saad), CaCCaC (Jaafar).
            return n == 2 ? Join(run, (0, "a"))
                : n == 3 ? Join(run, (0, "a"), (1, "a"))
                : Join(run, (0, "a"), (2, "a"));
        }

        if (prev is null)
        {
            // Initial run before a vowel: CaC (Nawaf), Ciy (Ziyad, Dhiyab), muC (Mubarak), CaCC (Hamdan, Mansour).
            var first = pattern.Diminutive || run[0].Letter == 'م' && next is { Kind: Kind.Long, Letter: 'ا' } && n == 2 ? "u"
                : run[1].Letter == 'ي' ? "i" : "a";
            return Join(run, (0, first));
        }

        if (prev.Value.Kind == Kind.Initial)
        {
            // After an initial alef: Amal, Ahmad at the end; Amna, Ansari before a vowel.
            return next is null ? Join(run, (n == 2 ? 0 : 1, "a")) : Join(run);
        }

        if (next is null)
        {
            // A final cluster: CāCiC (Rashid; e before guttural, r, l: Saleh, Taher, Adel), Yousef after ou, Faisal after ai.
            var vowel = prev.Value is { Kind: Kind.Long, Letter: 'ا' } ? pattern.Mufaal ? "a" : OpenFinals.Contains(run[^1].Letter, StringComparison.Ordinal) ? "e" : "i"
                : prev.Value is { Kind: Kind.Long, Letter: 'و' } ? "e"
                : "a";
            return Join(run, (n - 2, vowel));
        }

        if (n == 2 && prev.Value is { Kind: Kind.Long, Letter: 'ا' } && next.Value is { Kind: Kind.Final, Latin: "a" })
        {
            // CāCiCa: Fatima, Khalida.
            return Join(run, (0, OpenFinals.Contains(run[1].Letter, StringComparison.Ordinal) ? "e" : "i"));
        }

        return n == 2 ? Join(run) : Join(run, (1, "a"));
    }

    /// <summary>The run's consonants with a vowel written after the consonants at the given positions.</summary>
    static string Join(List<Unit> run, params (int After, string Vowel)[] vowels)
    {
        var text = new StringBuilder();
        for (var i = 0; i < run.Count; i++)
        {
            text.Append(run[i].Latin);
            foreach (var (after, vowel) in vowels)
            {
                if (after == i && i < run.Count - 1)
                {
                    text.Append(vowel);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// ع and ء are not written, except ع closing a syllable after a, written as a second a (Saad, Jaafar, Al Kaabi),
    /// and ع between ou and a final i, written e (Al Mazrouei).
    /// </summary>
    static string Glottals(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != RomanizationLetters.Glottal)
            {
                result.Append(text[i]);
                continue;
            }

            var before = result.Length > 0 ? result[^1] : '\0';
            var after = i + 1 < text.Length ? text[i + 1] : '\0';
            if (before == 'a' && after != '\0' && !IsVowel(after) && after != RomanizationLetters.Glottal)
            {
                result.Append('a');
            }
            else if (before == 'u' && result.Length > 1 && result[^2] == 'o' && after == 'i')
            {
                result.Append('e');
            }
        }

        return result.ToString();
    }

    static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
