namespace PressRoom.Pipeline.Entities.Builtin.Text;

/// <summary>
/// Proclitics at the start of Arabic words: a conjunction (و ف), then a preposition (ب ل ك), then the article (ال).
/// "للـ" is ل + the article with its alef elided, so "للعام" yields the stem "العام" whose span starts at the second ل.
/// </summary>
internal static class ArabicClitics
{
    const int MinStem = 2;

    public static CliticVariant[] Variants(string folded)
    {
        var article0 = StartsWithArticle(folded, 0);
        if (folded.Length < MinStem + 1 || !ArabicFolding.IsArabicLetter(folded[0]))
        {
            return [new CliticVariant(0, 0, folded, article0, false)];
        }

        var list = new List<CliticVariant>(4) { new(0, 0, folded, article0, false) };
        if (article0)
        {
            Add(list, new(2, 0, folded[2..], false, false));
        }

        for (var p = 0; p <= 1; p++)
        {
            if (p == 1)
            {
                if (folded[0] is not ('و' or 'ف'))
                {
                    break;
                }

                Add(list, new(1, 1, folded[1..], StartsWithArticle(folded, 1), true));
                if (StartsWithArticle(folded, 1))
                {
                    Add(list, new(3, 1, folded[3..], false, true));
                }
            }

            if (p >= folded.Length || folded[p] is not ('ب' or 'ل' or 'ك'))
            {
                continue;
            }

            if (folded[p] == 'ل' && p + 1 < folded.Length && folded[p + 1] == 'ل' && folded.Length - (p + 2) >= MinStem)
            {
                // ل + (ا)ل: restore the article; the span keeps the article's ل.
                Add(list, new(p + 1, p + 1, "ا" + folded[(p + 1)..], true, true));
                Add(list, new(p + 2, p + 1, folded[(p + 2)..], false, true));
            }
            else
            {
                var article = StartsWithArticle(folded, p + 1);
                Add(list, new(p + 1, p + 1, folded[(p + 1)..], article, true));
                if (article)
                {
                    Add(list, new(p + 3, p + 1, folded[(p + 3)..], false, true));
                }
            }
        }

        return [.. list];
    }

    static bool StartsWithArticle(string folded, int at) =>
        folded.Length - at >= 2 + MinStem && folded[at] == 'ا' && folded[at + 1] == 'ل';

    static void Add(List<CliticVariant> list, CliticVariant variant)
    {
        if (variant.Stem.Length < MinStem)
        {
            return;
        }

        foreach (var v in list)
        {
            if (v.Stem == variant.Stem)
            {
                return;
            }
        }

        list.Add(variant);
    }

    /// <summary>
    /// Maps a count of folded letters to the original UTF-16 offset inside a token (diacritics are skipped),
    /// so entity spans can start after a stripped clitic.
    /// </summary>
    public static int OriginalOffset(string text, Token token, int foldedLetters)
    {
        if (foldedLetters <= 0)
        {
            return token.Start;
        }

        var seen = 0;
        for (var i = token.Start; i < token.End; i++)
        {
            if (ArabicFolding.Fold(text[i]) == '\0')
            {
                continue;
            }

            if (seen == foldedLetters)
            {
                return i;
            }

            seen++;
        }

        return token.End;
    }
}
