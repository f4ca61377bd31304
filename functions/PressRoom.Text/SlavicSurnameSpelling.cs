using System.Text;

namespace PressRoom.TextKernel;

/// <summary>
/// Russian and other Slavic surnames written in Arabic (فورونكوف، لافروف، ميدفيديف) come back in their usual English
/// spelling, not a letter-by-letter romanization: in these names ف is v and و is o (Voronkov, not Furunkuf).
/// Recognized by the -وف / -يف endings the Arabic press uses for -ov / -ev.
/// </summary>
internal static class SlavicSurnameSpelling
{
    public static bool TrySpell(string folded, out string english)
    {
        english = "";
        if (folded.Length < 5 || !(folded.EndsWith("وف", StringComparison.Ordinal) || folded.EndsWith("يف", StringComparison.Ordinal))
            || folded.StartsWith("ال", StringComparison.Ordinal))
        {
            return false;
        }

        var builder = new StringBuilder(folded.Length + 2);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            var last = i == folded.Length - 1;
            var text = c switch
            {
                'ف' => "v",
                'و' => "o",
                'ي' when i == folded.Length - 2 => "e",
                'ي' => "i",
                'ا' => "a",
                'ب' => "b", 'ت' => "t", 'ث' => "s", 'ج' => "zh", 'ح' => "h", 'خ' => "kh", 'د' => "d", 'ذ' => "z",
                'ر' => "r", 'ز' => "z", 'س' => "s", 'ش' => "sh", 'ص' => "s", 'ض' => "d", 'ط' => "t", 'ظ' => "z",
                'غ' => "g", 'ق' => "k", 'ك' => "k", 'ل' => "l", 'م' => "m", 'ن' => "n", 'ه' => last ? "a" : "h",
                'ڤ' => "v", 'گ' => "g", 'چ' => "ch", 'ع' or 'ء' => "",
                _ => null,
            };
            if (text is null)
            {
                return false;
            }

            builder.Append(text);
        }

        if (builder.Length == 0)
        {
            return false;
        }

        english = char.ToUpperInvariant(builder[0]) + builder.ToString(1, builder.Length - 1);
        return true;
    }
}
