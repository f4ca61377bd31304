using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>Small operations on the tagger's spans shared by the newswire layout rules.</summary>
internal static class TaggedSpans
{
    /// <summary>Puts <paramref name="span"/> in the list in start order, removing every span it overlaps.</summary>
    public static void Replace(List<TaggedSpan> spans, TaggedSpan span)
    {
        var lo = FirstEndingAfter(spans, span.First);
        var to = lo;
        while (to < spans.Count && spans[to].First < span.End)
        {
            to++;
        }

        spans.RemoveRange(lo, to - lo);
        spans.Insert(lo, span);
    }

    /// <summary>The span covering the token, if any.</summary>
    public static TaggedSpan? At(List<TaggedSpan> spans, int token)
    {
        var k = FirstEndingAfter(spans, token);
        return k < spans.Count && spans[k].First <= token ? spans[k] : null;
    }

    /// <summary>
    /// The index of the first span that ends after the token. The spans do not overlap, so sorted by start they are
    /// sorted by end too, and those overlapping a range are one run from here.
    /// </summary>
    static int FirstEndingAfter(List<TaggedSpan> spans, int token)
    {
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (spans[mid].End <= token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>A Latin word written in capitals only ("MILAN", "U.S.").</summary>
    public static bool IsAllCaps(DocumentContext ctx, Token token) =>
        token is { IsLatin: true, IsCapitalized: true } && !HasLowerCase(ctx.Text.AsSpan(token.Start, token.Length));

    /// <summary>
    /// Whether the text has an ASCII lower-case letter. A plain loop: on .NET 10, ContainsAnyInRange and, for spans
    /// under 8 characters, IndexOfAnyInRange box their char bounds (about 100 bytes a call, measured).
    /// </summary>
    public static bool HasLowerCase(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The end of a run of at most <paramref name="maxWords"/> capitalized Latin words of at least
    /// <paramref name="minLetters"/> letters from token i (i itself when there is none).
    /// </summary>
    public static int CapitalizedRun(DocumentContext ctx, int i, int end, int maxWords, int minLetters = 1)
    {
        var j = i;
        while (j < end && j - i < maxWords && ctx.Tokens[j] is { IsLatin: true, IsCapitalized: true } token && token.Folded.Length >= minLetters)
        {
            j++;
        }

        return j;
    }

    /// <summary>The lines of the document as token ranges [start, end), without the line breaks.</summary>
    public static IEnumerable<(int Start, int End)> Lines(DocumentContext ctx)
    {
        var start = 0;
        for (var i = 0; i <= ctx.Count; i++)
        {
            if (i == ctx.Count || ctx.Tokens[i].Kind == TokenKind.Break)
            {
                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }
    }

    /// <summary>The tokens of a range joined by single spaces, folded: the text two mentions of one name share.</summary>
    public static string Folded(DocumentContext ctx, int first, int end)
    {
        if (end - first == 1)
        {
            return ctx.Tokens[first].Folded;
        }

        var length = end - first - 1;
        for (var i = first; i < end; i++)
        {
            length += ctx.Tokens[i].Folded.Length;
        }

        return string.Create(length, (ctx.Tokens, first, end), static (chars, range) =>
        {
            var at = 0;
            for (var i = range.first; i < range.end; i++)
            {
                if (i > range.first)
                {
                    chars[at++] = ' ';
                }

                range.Tokens[i].Folded.AsSpan().CopyTo(chars[at..]);
                at += range.Tokens[i].Folded.Length;
            }
        });
    }
}
