using System.Globalization;
using System.Text;

namespace PressRoom.TextKernel;

/// <summary>
/// What a fold is for. Every profile shares one letter table (<see cref="ArabicFolding.Fold(char, FoldProfile)"/>):
/// diacritics, tatweel, zero-width and bidi controls dropped; alef forms → ا; ة → ه; Persian ک/ی/ے → ك/ي;
/// Arabic-Indic digits → ASCII; lower case. The profiles differ only where their job demands it.
/// </summary>
public enum FoldProfile
{
    /// <summary>
    /// Entity recognition over tokens, one output character per input character (offsets stay valid):
    /// keeps ى (على "on" is not the name علي), folds hamza carriers (ؤ → و, ئ → ي), maps Arabic punctuation to ASCII.
    /// </summary>
    Recognition,

    /// <summary>Matching document text (datelines, month names): ى → ي, hamza carriers kept, line breaks become spaces.</summary>
    Match,

    /// <summary>Name search tokens: ى → ي, hamza carriers folded, Latin accents dropped, anything not a letter or digit is a separator.</summary>
    Search,

    /// <summary>Entity keys: as <see cref="Search"/>; the key scheme (<see cref="EntityKeys"/>) adds its word rules.</summary>
    Key,
}

/// <summary>
/// The one Arabic/Latin folding function of PressRoom. Only for comparing — displayed text and offsets always come
/// from the original string.
/// </summary>
public static class ArabicFolding
{
    /// <summary>
    /// The ى rule, decided once: alef maqsura is folded into ya for every comparison of whole text or names
    /// (Egyptian and Sudanese spelling writes final ي as ى, so "الانصارى" must meet "الأنصاري" in search, keys and
    /// datelines), and kept apart only where single tokens are recognized, because there على (on) and علي (Ali),
    /// إلى (to) and إلي are different words and folding them would turn prepositions into person names.
    /// </summary>
    public static bool FoldsAlefMaqsura(FoldProfile profile) => profile != FoldProfile.Recognition;

    /// <summary>Hamza carriers (ؤ, ئ) are folded except in <see cref="FoldProfile.Match"/>, whose forms feed stored text hashes.</summary>
    public static bool FoldsHamzaCarriers(FoldProfile profile) => profile != FoldProfile.Match;

    /// <summary>The folded character in the recognition profile, or '\0' when the character is dropped.</summary>
    public static char Fold(char c) => Fold(c, FoldProfile.Recognition);

    /// <summary>
    /// The folded character, '\0' when it is dropped, or ' ' when it separates words in this profile.
    /// </summary>
    public static char Fold(char c, FoldProfile profile)
    {
        if (c < 0x80)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return (char)(c + 32);
            }

            if (profile == FoldProfile.Key && c == '\'')
            {
                return '\0'; // O'Brien and Ma'an are one word in a key
            }

            if (profile is FoldProfile.Search or FoldProfile.Key)
            {
                return char.IsAsciiLetterOrDigit(c) ? c : ' ';
            }

            if (profile == FoldProfile.Match && char.IsControl(c))
            {
                return c is '\n' or '\r' or '\t' ? ' ' : '\0';
            }

            return c;
        }

        if (ArabicText.IsDiacritic(c) || c == ArabicText.Tatweel || ArabicText.IsZeroWidth(c) || ArabicText.IsBidiControl(c))
        {
            return '\0';
        }

        switch (c)
        {
            case '\u0623' or '\u0625' or '\u0622' or '\u0671' or '\u0672' or '\u0673': // أ إ آ ٱ ٲ ٳ
                return '\u0627';
            case '\u0629': // ة
                return '\u0647';
            case '\u06CC' or '\u06D2': // ی ے
                return '\u064A';
            case '\u06A9': // ک
                return '\u0643';
            case '\u0649': // ى
                return FoldsAlefMaqsura(profile) ? '\u064A' : c;
            case '\u0624': // ؤ
                return FoldsHamzaCarriers(profile) ? '\u0648' : c;
            case '\u0626': // ئ
                return FoldsHamzaCarriers(profile) ? '\u064A' : c;
        }

        if (ArabicText.IsArabicIndicDigit(c))
        {
            return ArabicText.ToAsciiDigit(c);
        }

        if (profile == FoldProfile.Recognition && RecognitionPunctuation(c) is { } ascii)
        {
            return ascii;
        }

        if (profile == FoldProfile.Key && c == '’')
        {
            return '\0';
        }

        if (profile is FoldProfile.Search or FoldProfile.Key)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                return '\0';
            }

            return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';
        }

        if (profile == FoldProfile.Match && char.IsControl(c))
        {
            return '\0';
        }

        return char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>Arabic separators and typographic dashes/quotes, so numbers and names tokenize as in ASCII.</summary>
    static char? RecognitionPunctuation(char c) => c switch
    {
        '٫' => '.',
        '٬' => ',',
        '٪' => '%',
        '–' or '—' or '‐' or '‑' => '-',
        '’' or '‘' => '\'',
        _ => null,
    };

    public static bool IsDiacritic(char c) => Fold(c) == '\0';

    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or '\u06FA' or '\u06FB' or '\u06FC';

    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '٠' and <= '٩' or >= '۰' and <= '۹';

    /// <summary>Recognition fold of a token: dropped characters removed.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var f = Fold(c);
            if (f != '\0')
            {
                builder.Append(f);
            }
        }

        return builder.ToString();
    }

    /// <summary>Recognition fold with whitespace collapsed: the form used to compare entity texts (evaluation, dedupe).</summary>
    public static string FoldPhrase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FoldCollapsed(text, FoldProfile.Recognition);
    }

    /// <summary>
    /// The words of <paramref name="text"/> in a word profile (<see cref="FoldProfile.Search"/>, <see cref="FoldProfile.Key"/>),
    /// joined by one space. Latin letters are decomposed first so accents fall away (é → e). Keys keep a decimal
    /// point between digits (8.5-usd is not 8-5-usd).
    /// </summary>
    public static string FoldWords(string text, FoldProfile profile)
    {
        ArgumentNullException.ThrowIfNull(text);
        // ASCII needs no decomposition (and skips an ICU call per name).
        return FoldCollapsed(Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormKD), profile);
    }

    /// <summary>Folds every character and collapses each run of separators (whitespace, or what the profile makes one) to one space.</summary>
    static string FoldCollapsed(string text, FoldProfile profile)
    {
        // Every character folds to at most one, and a space is written only for a run of separators it replaces, so
        // the result is never longer than the text: one buffer, no builder (this runs for every entity key).
        Span<char> folded = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (profile == FoldProfile.Key && c == '.' && !space && length > 0 && char.IsAsciiDigit(folded[length - 1])
                && i + 1 < text.Length && char.IsAsciiDigit(ArabicText.ToAsciiDigit(text[i + 1])))
            {
                folded[length++] = '.';
                continue;
            }

            var f = Fold(c, profile);
            if (f == '\0')
            {
                continue;
            }

            if (char.IsWhiteSpace(f))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                folded[length++] = ' ';
                space = false;
            }

            folded[length++] = f;
        }

        return new string(folded[..length]);
    }
}
