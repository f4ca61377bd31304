using System.Globalization;

namespace PressRoom.Pipeline.AzureAI;

/// <summary>The two ways the services count text.</summary>
public static class TextMeasure
{
    /// <summary>Unicode code points: what Translator limits and bills.</summary>
    public static int CodePoints(string text, int start, int length)
    {
        var count = length;
        for (var i = start; i < start + length - 1; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    public static int CodePoints(string text) => CodePoints(text, 0, text.Length);

    /// <summary>Text elements (grapheme clusters): what Language limits documents by.</summary>
    public static int TextElements(string text, int start, int length) =>
        length == 0 ? 0 : new StringInfo(text.Substring(start, length)).LengthInTextElements;

    /// <summary>
    /// Maps code-point indices of one text to UTF-16 indices in O(1) per lookup (identity when the text has no
    /// surrogate pairs, which is the usual case for Arabic and English).
    /// </summary>
    public static Func<int, int> CodePointToUtf16(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return codePoint => Math.Clamp(codePoint, 0, text.Length);
        }

        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return codePoint => map[Math.Clamp(codePoint, 0, map.Count - 1)];
    }
}
