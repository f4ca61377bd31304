using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Evaluation;

/// <summary>
/// The "normalized text" of the evaluation: letters folded (hamza forms, ta marbuta, diacritics, Arabic-Indic digits,
/// case), whitespace collapsed, surrounding punctuation trimmed, and leading clitics of the first word removed
/// (و ف ب ل ك and the article: "لعام المقبل" = "العام المقبل"); English drops a leading "the".
/// </summary>
public static class EntityTextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = ArabicFolding.FoldPhrase(text).Trim(' ', '"', '\'', '«', '»', '(', ')', '[', ']', ',', '،', '.', ':', ';', '؛', '-');
        if (folded.StartsWith("the ", StringComparison.Ordinal))
        {
            folded = folded[4..];
        }

        if (folded.Length == 0 || !ArabicFolding.IsArabicLetter(folded[0]))
        {
            return folded;
        }

        var space = folded.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? folded : folded[..space];
        var rest = space < 0 ? "" : folded[space..];
        return StripClitics(first) + rest;
    }

    static string StripClitics(string word)
    {
        var p = 0;
        if (word.Length - p > 3 && word[p] is 'و' or 'ف')
        {
            p++;
        }

        if (word.Length - p > 3 && word[p] is 'ب' or 'ل' or 'ك')
        {
            p++;
        }

        if (word.Length - p > 3 && word[p] == 'ا' && word[p + 1] == 'ل')
        {
            p += 2;
        }
        else if (p > 0 && word[p - 1] == 'ل' && word.Length - p > 2 && word[p] == 'ل')
        {
            // لل = ل + the article without its alef.
            p++;
        }

        return word[p..];
    }
}
