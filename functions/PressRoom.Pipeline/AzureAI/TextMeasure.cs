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

    /// <summary>UTF-16 index of the code point with index <paramref name="codePoint"/> (clamped to the text).</summary>
    public static int Utf16IndexOfCodePoint(string text, int codePoint)
    {
        var index = 0;
        for (var seen = 0; seen < codePoint && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return Math.Min(index, text.Length);
    }
}
