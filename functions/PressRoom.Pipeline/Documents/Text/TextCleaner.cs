using System.Text;

namespace PressRoom.Pipeline.Documents;

/// <summary>
/// Cleans text for display (not for matching — see <see cref="TextNormalizer"/>): control characters,
/// bidi overrides/embeddings/isolates (a spoofing vector), zero-width spaces and soft hyphens go; Arabic
/// presentation forms (common in PDFs) become ordinary letters; whitespace runs become one space.
/// Diacritics, ZWJ/ZWNJ and LRM/RLM marks stay: they are part of what the author wrote.
/// </summary>
internal static class TextCleaner
{
    public static string CleanBlock(string text)
    {
        var output = new StringBuilder(text.Length);
        bool space = false;
        bool mayNeedNfc = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            mayNeedNfc |= !ArabicText.IsNormalizationStable(c);
            if (char.IsWhiteSpace(c) || c is '\u0000' or '\u0085')
            {
                space = output.Length > 0;
                continue;
            }

            if (char.IsControl(c) || ArabicText.IsBidiOverrideOrEmbedding(c) || c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' or '\uFFFE' or '\uFFFF')
            {
                continue;
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) || char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                continue; // a lone surrogate cannot be stored or encoded
            }

            if (space)
            {
                output.Append(' ');
                space = false;
            }

            if (ArabicText.IsPresentationForm(c))
            {
                output.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else
            {
                output.Append(c);
            }
        }

        var result = output.ToString();
        return !mayNeedNfc || result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    public static string CollapseWhitespace(string text)
    {
        var output = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && output.Length > 0)
            {
                output.Append(' ');
            }

            space = false;
            output.Append(c);
        }

        return output.ToString();
    }
}
