using System.Text;

namespace PressRoom.TextKernel;

/// <summary>
/// A simple, deterministic romanization of Arabic words for names that no gazetteer knows
/// (consonant skeleton with long vowels, "al-" for the article, an "a" after an initial consonant cluster).
/// It is consistent rather than scholarly: the same spelling always gives the same English form and key.
/// </summary>
public static class Romanizer
{
    static readonly Dictionary<char, string> Letters = new()
    {
        ['ا'] = "a", ['ب'] = "b", ['ت'] = "t", ['ث'] = "th", ['ج'] = "j", ['ح'] = "h", ['خ'] = "kh",
        ['د'] = "d", ['ذ'] = "dh", ['ر'] = "r", ['ز'] = "z", ['س'] = "s", ['ش'] = "sh", ['ص'] = "s",
        ['ض'] = "d", ['ط'] = "t", ['ظ'] = "z", ['ع'] = "", ['غ'] = "gh", ['ف'] = "f", ['ق'] = "q",
        ['ك'] = "k", ['ل'] = "l", ['م'] = "m", ['ن'] = "n", ['ه'] = "h", ['و'] = "w", ['ي'] = "y",
        ['ء'] = "", ['پ'] = "p", ['چ'] = "ch", ['ڤ'] = "v", ['گ'] = "g", ['ک'] = "k", ['ی'] = "y",
    };

    public static string RomanizeWord(string folded)
    {
        if (folded.Length == 0)
        {
            return folded;
        }

        // Slavic surnames have a usual English spelling (فورونكوف → Voronkov).
        if (SlavicSurnameSpelling.TrySpell(folded, out var slavic))
        {
            return slavic;
        }

        var prefix = "";
        var word = folded;
        if (word.Length > 3 && word.StartsWith("ال", StringComparison.Ordinal))
        {
            prefix = "Al-";
            word = word[2..];
        }

        var builder = new StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var last = i == word.Length - 1;
            var previousIsConsonant = builder.Length > 0 && !"aeiou".Contains(builder[^1], StringComparison.Ordinal);
            switch (c)
            {
                case 'و' when i > 0 && previousIsConsonant:
                    builder.Append('u');
                    break;
                case 'ي' when i > 0 && previousIsConsonant:
                    builder.Append('i');
                    break;
                case 'ه' when last && i > 0:
                    builder.Append('a');
                    break;
                default:
                    if (Letters.TryGetValue(c, out var latin))
                    {
                        builder.Append(latin);
                    }
                    else if (char.IsAsciiLetterOrDigit(c) || c == '-')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        // An initial consonant cluster gets an "a" (mnsuri → mansuri, khlfan → khalfan).
        var text = builder.ToString();
        if (text.Any(char.IsAsciiDigit))
        {
            return prefix + text;
        }

        var firstVowel = text.IndexOfAny(Vowels);
        var leading = LeadingConsonantLength(text);
        if (leading > 0 && leading < text.Length && (firstVowel < 0 || firstVowel > leading))
        {
            text = text[..leading] + "a" + text[leading..];
        }

        if (text.Length == 0)
        {
            return prefix.TrimEnd('-');
        }

        return prefix + char.ToUpperInvariant(text[0]) + text[1..];
    }

    static readonly string[] Digraphs = ["kh", "sh", "th", "dh", "gh", "ch"];
    static readonly char[] Vowels = ['a', 'e', 'i', 'o', 'u'];

    static int LeadingConsonantLength(string text)
    {
        foreach (var digraph in Digraphs)
        {
            if (text.StartsWith(digraph, StringComparison.Ordinal))
            {
                return 2;
            }
        }

        return text.Length > 0 && !"aeiou".Contains(text[0], StringComparison.Ordinal) ? 1 : 0;
    }

    public static string RomanizePhrase(IEnumerable<string> foldedWords) =>
        string.Join(' ', foldedWords.Select(RomanizeWord).Where(w => w.Length > 0));
}
