using System.Text;

namespace PressRoom.TextKernel;

/// <summary>
/// Folds text for matching: Arabic diacritics and tatweel are dropped, hamza forms of alef become bare alef,
/// ta marbuta becomes ha (alef maqsura stays: على is not علي), Arabic-Indic digits become ASCII, Latin is lower-cased.
/// Only for matching — entity text and offsets always come from the original string.
/// </summary>
public static class ArabicFolding
{
    /// <summary>Returns the folded character, or '\0' when the character is dropped (diacritic, tatweel, joiner).</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        switch (c)
        {
            case 'أ' or 'إ' or 'آ' or 'ٱ':
                return 'ا';
            case 'ة':
                return 'ه';
            case 'ؤ':
                return 'و';
            case 'ئ':
                return 'ي';
            case '\u0640' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u00AD':
                return '\0';
            case '٫':
                return '.';
            case '٬':
                return ',';
            case '٪':
                return '%';
            case '–' or '—' or '‐' or '‑':
                return '-';
            case '’' or '‘':
                return '\'';
        }

        if (c is >= '\u064B' and <= '\u065F' or '\u0670')
        {
            return '\0';
        }

        if (c is >= '٠' and <= '٩')
        {
            return (char)('0' + (c - '٠'));
        }

        if (c is >= '۰' and <= '۹')
        {
            return (char)('0' + (c - '۰'));
        }

        return char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
    }

    public static bool IsDiacritic(char c) => Fold(c) == '\0';

    public static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3' or '\u06FA' or '\u06FB' or '\u06FC';

    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '٠' and <= '٩' or >= '۰' and <= '۹';

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

    /// <summary>Folds and collapses whitespace: the form used to compare entity texts (evaluation, dedupe).</summary>
    public static string FoldPhrase(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            var f = Fold(c);
            if (f == '\0')
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(f);
        }

        return builder.ToString();
    }
}
