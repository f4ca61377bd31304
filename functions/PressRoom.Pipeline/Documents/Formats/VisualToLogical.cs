namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// Turns one line of glyphs in visual (left-to-right on the page) order into logical (reading) order.
/// PDFs place Arabic glyphs right to left; sorting by position and reading left to right would reverse every
/// word. A right-to-left line is reversed as a whole, then runs of Latin letters and digits inside it are
/// turned back; in a left-to-right line, only the Arabic runs are reversed. Brackets in reversed runs are mirrored.
/// </summary>
internal static class VisualToLogical
{
    enum Direction { Neutral, Left, Right }

    public static string Reorder(IReadOnlyList<string> visualUnits)
    {
        var units = visualUnits.ToArray();
        var directions = units.Select(Classify).ToArray();
        int right = directions.Count(d => d == Direction.Right);
        int left = directions.Count(d => d == Direction.Left);
        if (right == 0)
        {
            return string.Concat(units);
        }

        var mirrored = new bool[units.Length];
        if (right > left)
        {
            Array.Reverse(units);
            Array.Reverse(directions);
            Array.Fill(mirrored, true);
            ReverseRuns(units, directions, mirrored, Direction.Left, mirrorInside: false);
        }
        else
        {
            ReverseRuns(units, directions, mirrored, Direction.Right, mirrorInside: true);
        }

        for (int i = 0; i < units.Length; i++)
        {
            if (mirrored[i] && directions[i] == Direction.Neutral)
            {
                units[i] = Mirror(units[i]);
            }
        }

        return string.Concat(units);
    }

    /// <summary>Reverses each maximal run that starts and ends with <paramref name="run"/> units and holds no units of the other strong direction.</summary>
    static void ReverseRuns(string[] units, Direction[] directions, bool[] mirrored, Direction run, bool mirrorInside)
    {
        int i = 0;
        while (i < units.Length)
        {
            if (directions[i] != run)
            {
                i++;
                continue;
            }

            int start = i, end = i;
            for (int j = i + 1; j < units.Length && directions[j] != Opposite(run); j++)
            {
                if (directions[j] == run)
                {
                    end = j;
                }
            }

            Array.Reverse(units, start, end - start + 1);
            Array.Reverse(directions, start, end - start + 1);
            for (int k = start; k <= end; k++)
            {
                mirrored[k] = mirrorInside;
            }

            i = end + 1;
        }
    }

    static Direction Opposite(Direction d) => d == Direction.Left ? Direction.Right : Direction.Left;

    static Direction Classify(string unit)
    {
        foreach (char c in unit)
        {
            if (ArabicText.IsRightToLeft(c))
            {
                return Direction.Right;
            }

            if (ArabicText.IsLeftToRight(c) || ArabicText.IsArabicIndicDigit(c))
            {
                return Direction.Left; // numbers read left to right even inside Arabic
            }
        }

        return Direction.Neutral;
    }

    static string Mirror(string unit) => unit switch
    {
        "(" => ")",
        ")" => "(",
        "[" => "]",
        "]" => "[",
        "{" => "}",
        "}" => "{",
        "<" => ">",
        ">" => "<",
        "«" => "»",
        "»" => "«",
        _ => unit,
    };
}
