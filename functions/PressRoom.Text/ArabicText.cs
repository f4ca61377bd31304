using System.Globalization;

namespace PressRoom.TextKernel;

/// <summary>Character classes shared by the normalizer, the cleaner and the PDF bidi fix-up.</summary>
public static class ArabicText
{
    /// <summary>Harakat, Quranic marks and the superscript alef: they change how a word is voiced, not which word it is.</summary>
    public static bool IsDiacritic(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED' or >= '\u0610' and <= '\u061A' or >= '\u08D3' and <= '\u08FF';

    public const char Tatweel = '\u0640';

    /// <summary>Bidi embeddings, overrides and isolates (LRE … RLO, LRI … PDI) and the Arabic letter mark.</summary>
    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u061C' or '\u200E' or '\u200F';

    /// <summary>Bidi controls that can re-order what a reader sees (spoofing); LRM/RLM marks are harmless and stay in display text.</summary>
    public static bool IsBidiOverrideOrEmbedding(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    public static bool IsArabicLetter(char c) =>
        c is >= '\u0620' and <= '\u064A' or >= '\u066E' and <= '\u06D3' or '\u06D5' or >= '\u06FA' and <= '\u06FF' or >= '\u0750' and <= '\u077F';

    /// <summary>Arabic presentation forms A and B: what PDFs often carry instead of the letters themselves.</summary>
    public static bool IsPresentationForm(char c) => c is >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' && c != '\uFEFF';

    /// <summary>Strong right-to-left characters (Arabic, Hebrew, Syriac, Thaana, presentation forms).</summary>
    public static bool IsRightToLeft(char c) =>
        c is >= '\u0590' and <= '\u08FF' && !IsArabicIndicDigit(c) && !IsDiacritic(c) || c is >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE';

    public static bool IsArabicIndicDigit(char c) => c is >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9';

    public static bool IsLeftToRight(char c) =>
        char.IsLetter(c) && !IsRightToLeft(c) || char.IsDigit(c) && !IsArabicIndicDigit(c);

    /// <summary>The ASCII digit for Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits, else the character itself.</summary>
    public static char ToAsciiDigit(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    public static bool IsCombiningMark(char c) => c switch
    {
        < '\u0300' => false, // hot path: ASCII and Latin-1 have no marks
        >= '\u0600' and <= '\u06FF' => IsDiacritic(c) && c is not (>= '\u06DD' and <= '\u06DE') and not '\u06E5' and not '\u06E6' and not '\u06E9',
        _ => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark,
    };

    /// <summary>True for characters that no Unicode normalization (NFC or NFKC) changes on their own: ASCII, Latin-1 letters and Arabic letters and harakat.</summary>
    public static bool IsNormalizationStable(char c) =>
        c < '\u00A0' || c is >= '\u0600' and <= '\u06FF' and not (>= '\u0653' and <= '\u0655') and not (>= '\u0675' and <= '\u0678');
}
