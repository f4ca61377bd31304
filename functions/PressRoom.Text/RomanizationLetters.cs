namespace PressRoom.TextKernel;

/// <summary>
/// The consonant table of PressRoom's romanization (simplified ALA-LC/UNGEGN without diacritics, with the Gulf
/// choices ض and ظ → dh, ث → th, ج → j, ق → q) and the letter preparation every word goes through.
/// </summary>
internal static class RomanizationLetters
{
    /// <summary>Marks ع and ء in a romanized stem until the vowel rules decide how they are written (often not at all).</summary>
    public const char Glottal = '\'';

    public const char Shadda = '\u0651';

    public static string? Consonant(char c) => c switch
    {
        'ب' => "b", 'ت' => "t", 'ث' => "th", 'ج' => "j", 'ح' => "h", 'خ' => "kh", 'د' => "d", 'ذ' => "dh",
        'ر' => "r", 'ز' => "z", 'س' => "s", 'ش' => "sh", 'ص' => "s", 'ض' => "dh", 'ط' => "t", 'ظ' => "dh",
        'ع' or 'ء' => "'", 'غ' => "gh", 'ف' => "f", 'ق' => "q", 'ك' => "k", 'ل' => "l", 'م' => "m", 'ن' => "n",
        'ه' => "h", 'و' => "w", 'ي' => "y", 'پ' => "p", 'چ' => "ch", 'ڤ' => "v", 'گ' => "g",
        _ => null,
    };

    /// <summary>
    /// The word's letters in the recognition fold, except that ة stays ة (ta marbuta), an initial إ stays إ
    /// (an "i" vowel) and a shadda doubles the letter before it. Folded input (the extractor's tokens) passes
    /// through unchanged, so a vocalized and an unvocalized spelling differ only where the text carries a shadda.
    /// </summary>
    public static string Prepare(string word)
    {
        var letters = new System.Text.StringBuilder(word.Length + 2);
        foreach (var c in word)
        {
            if (c == Shadda)
            {
                // و and ي with shadda are a long vowel plus a glide the vowel rules already write (Al Mansouri).
                if (letters.Length > 0 && Consonant(letters[^1]) is not null && letters[^1] is not ('و' or 'ي'))
                {
                    letters.Append(letters[^1]);
                }

                continue;
            }

            if (c == 'ة' || c == 'إ' && letters.Length == 0)
            {
                letters.Append(c);
                continue;
            }

            var folded = ArabicFolding.Fold(c);
            if (folded != '\0')
            {
                letters.Append(folded);
            }
        }

        return letters.ToString();
    }
}
