using System.Text;

namespace PressRoom.TextKernel;

/// <summary>A normalized string and, for each of its characters, the index of the source character it came from.</summary>
public sealed record NormalizedText(string Text, IReadOnlyList<int> SourceIndex)
{
    /// <summary>Maps a span of the normalized text back to the span of the source text it was made from.</summary>
    public TextSpan ToSource(TextSpan normalized, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (normalized.Length == 0 || Text.Length == 0)
        {
            return new TextSpan(normalized.Start < SourceIndex.Count ? SourceIndex[normalized.Start] : source.Length, 0);
        }

        int start = SourceIndex[normalized.Start];
        int lastSource = SourceIndex[normalized.End - 1];

        // The last normalized character may come from a multi-character source element (a surrogate pair, a base plus marks).
        int end = normalized.End < SourceIndex.Count ? Math.Max(SourceIndex[normalized.End], lastSource + 1) : source.Length;
        while (end > lastSource + 1 && (char.IsWhiteSpace(source[end - 1]) || ArabicText.IsBidiControl(source[end - 1])))
        {
            end--;
        }

        return new TextSpan(start, end - start);
    }
}

/// <summary>
/// Folds whole document text for matching and hashing, never for display: NFKC per element (presentation forms and
/// ligatures become letters), then <see cref="ArabicFolding"/> in <see cref="FoldProfile.Match"/>, whitespace
/// collapsed to one space, with a map back to source offsets.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The folded form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FoldAll(text, null);
    }

    /// <summary>The folded form plus a map back to source offsets, for callers that report spans of the original text.</summary>
    public static NormalizedText NormalizeWithOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new List<int>(text.Length);
        return new NormalizedText(FoldAll(text, map), map);
    }

    static string FoldAll(string text, List<int>? map)
    {
        var output = new StringBuilder(text.Length);
        bool pendingSpace = false;
        int spaceSource = 0;
        int i = 0;
        while (i < text.Length)
        {
            // An element is one base character (or surrogate pair) plus the combining marks that follow it,
            // so NFKC can compose it and the whole element maps to its first source index.
            int start = i;
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            while (i < text.Length && ArabicText.IsCombiningMark(text[i]))
            {
                i++;
            }

            var element = text.AsSpan(start, i - start);
            if (element.Length == 1 && char.IsWhiteSpace(element[0]))
            {
                MarkSpace(start);
                continue;
            }

            if (IsStableUnderNfkc(element))
            {
                foreach (char raw in element)
                {
                    Emit(raw, start);
                }
            }
            else
            {
                foreach (char raw in element.ToString().Normalize(NormalizationForm.FormKC))
                {
                    Emit(raw, start);
                }
            }
        }

        return output.ToString();

        void Emit(char raw, int source)
        {
            char folded = ArabicFolding.Fold(raw, FoldProfile.Match);
            if (folded == '\0')
            {
                return;
            }

            if (char.IsWhiteSpace(folded))
            {
                MarkSpace(source);
                return;
            }

            if (pendingSpace)
            {
                output.Append(' ');
                map?.Add(spaceSource);
                pendingSpace = false;
            }

            output.Append(folded);
            map?.Add(source);
        }

        // A run of whitespace becomes one space, mapped to the run's first character.
        void MarkSpace(int source)
        {
            if (!pendingSpace && output.Length > 0)
            {
                pendingSpace = true;
                spaceSource = source;
            }
        }
    }

    /// <summary>
    /// Fast path: ASCII, and Arabic letters with harakat, are already NFKC. Only the hamza/madda marks (U+0653–0655)
    /// compose with a letter, and U+0675–0678 have compatibility decompositions.
    /// </summary>
    static bool IsStableUnderNfkc(ReadOnlySpan<char> element)
    {
        foreach (char c in element)
        {
            if (!ArabicText.IsNormalizationStable(c))
            {
                return false;
            }
        }

        return true;
    }
}
