using System.Globalization;

namespace PressRoom.Pipeline.Translation.AzureTranslator;

/// <summary>
/// Translator's <c>alignment.proj</c>: space-separated <c>srcStart:srcEnd-tgtStart:tgtEnd</c> with inclusive indices
/// (counted in characters, which Translator defines as code points). The feature is experimental and may be empty;
/// tokens that do not parse are skipped rather than failing the translation.
/// </summary>
public static class AlignmentProjection
{
    public readonly record struct Pair(int SourceStart, int SourceEnd, int TargetStart, int TargetEnd);

    public static IReadOnlyList<Pair> Parse(string? proj)
    {
        if (string.IsNullOrWhiteSpace(proj))
        {
            return [];
        }

        var pairs = new List<Pair>();
        foreach (var token in proj.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var sides = token.Split('-');
            if (sides.Length == 2 && TryRange(sides[0], out var s0, out var s1) && TryRange(sides[1], out var t0, out var t1))
            {
                pairs.Add(new Pair(s0, s1, t0, t1));
            }
        }

        return pairs;
    }

    static bool TryRange(string text, out int start, out int end)
    {
        start = 0;
        end = 0;
        var parts = text.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out end)
            && end >= start;
    }
}
