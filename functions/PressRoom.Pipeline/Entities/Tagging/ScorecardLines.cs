using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Cricket scorecards as wire services send them: batting lines "Fakhar Zaman c Smith b Carse 31", "Saim Ayub lbw b
/// Archer 14", "Abrar Ahmed not out 6", and bowling figures "Archer 10-1-48-2 , Wood 10-0-57-1". Every name there is a
/// player; the tagger, seeing capitals and one-letter words, runs them together ("Fakhar Zaman c Smith").
/// </summary>
internal static class ScorecardLines
{
    const int MaxNameWords = 4;

    public static List<TaggedSpan> Apply(DocumentContext ctx, List<TaggedSpan> spans)
    {
        foreach (var (start, end) in TaggedSpans.Lines(ctx))
        {
            foreach (var (first, last) in Batting(ctx, start, end) ?? Bowling(ctx, start, end) ?? [])
            {
                TaggedSpans.Replace(spans, new TaggedSpan("PER", first, last));
            }
        }

        return spans;
    }

    /// <summary>Batsman, then how out (c/st/b Name, lbw, run out, not out), then the runs; null when the line is not one.</summary>
    static List<(int, int)>? Batting(DocumentContext ctx, int start, int end)
    {
        var batsman = Name(ctx, start, end);
        if (batsman == start || end - 1 <= batsman || ctx.Tokens[end - 1].Kind != TokenKind.Number)
        {
            return null;
        }

        var names = new List<(int, int)> { (start, batsman) };
        var i = batsman;
        var dismissal = false;
        while (i < end - 1)
        {
            var word = ctx.Tokens[i].Folded;
            if (word is "c" or "st" or "b")
            {
                var fielder = Name(ctx, i + 1, end - 1);
                if (fielder == i + 1)
                {
                    return null;
                }

                names.Add((i + 1, fielder));
                i = fielder;
            }
            else if (word is "lbw")
            {
                i++;
            }
            else if (word is "run" or "not" && i + 1 < end - 1 && ctx.Tokens[i + 1].Folded == "out")
            {
                i += 2;
            }
            else
            {
                return null;
            }

            dismissal = true;
        }

        return dismissal ? names : null;
    }

    /// <summary>"Bowling :" perhaps, then Name figures, comma-separated; null when the line is not one.</summary>
    static List<(int, int)>? Bowling(DocumentContext ctx, int start, int end)
    {
        var i = start;
        if (i + 1 < end && ctx.Tokens[i].Folded == "bowling" && ctx.Tokens[i + 1].IsPunct(':'))
        {
            i += 2;
        }

        var names = new List<(int, int)>();
        while (i < end)
        {
            var name = Name(ctx, i, end);
            if (name == i || !IsFigures(ctx, name, end))
            {
                return null;
            }

            names.Add((i, name));
            i = name + FiguresTokens;
            if (i < end && ctx.Tokens[i].IsPunct(','))
            {
                i++;
            }
        }

        return names.Count > 0 ? names : null;
    }

    /// <summary>The end of a player's name from i (i itself when there is none); one-letter words are scorecard marks.</summary>
    static int Name(DocumentContext ctx, int i, int end) => TaggedSpans.CapitalizedRun(ctx, i, end, MaxNameWords, minLetters: 2);

    /// <summary>Overs-maidens-runs-wickets, "10-1-48-2": four numbers and three hyphens as the tokenizer splits them.</summary>
    const int FiguresTokens = 7;

    static bool IsFigures(DocumentContext ctx, int i, int end)
    {
        if (i + FiguresTokens > end)
        {
            return false;
        }

        for (var k = 0; k < FiguresTokens; k++)
        {
            var token = ctx.Tokens[i + k];
            if (k % 2 == 0 ? token.Kind != TokenKind.Number : !token.IsPunct('-'))
            {
                return false;
            }
        }

        return true;
    }
}
