using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Sports results as wire services send them, one line each: a score line "Leeds 2 Aston Villa 1", a fixture
/// "Real Betis v Osasuna", a standings line "Barcelona 28 21 4 3 61 22 67". The names there are teams: a club (an
/// organization, also when it carries a city's name) or a country's national team (a place, by news convention).
/// The tagger reads city-named clubs as the city and runs names on over the scores.
/// </summary>
internal static class ResultLines
{
    const int MaxNameWords = 5;

    public static List<TaggedSpan> Apply(DocumentContext ctx, List<TaggedSpan> spans)
    {
        foreach (var (start, end) in TaggedSpans.Lines(ctx))
        {
            foreach (var (first, last) in Teams(ctx, start, end))
            {
                TaggedSpans.Replace(spans, new TaggedSpan(IsCountry(ctx, first, last) ? "LOC" : "ORG", first, last));
            }
        }

        return spans;
    }

    /// <summary>
    /// The clubs (not national teams) of the document's score and fixture lines: two teams on a line is sport; a name
    /// with numbers alone may be any table ("Leyte 9 4 35,820").
    /// </summary>
    public static IEnumerable<(int First, int End)> Clubs(DocumentContext ctx)
    {
        foreach (var (start, end) in TaggedSpans.Lines(ctx))
        {
            var teams = Teams(ctx, start, end);
            foreach (var (first, last) in teams)
            {
                if (teams.Count >= 2 && !IsCountry(ctx, first, last))
                {
                    yield return (first, last);
                }
            }
        }
    }

    /// <summary>The team names of a results line, or none when the line is not one.</summary>
    static List<(int First, int End)> Teams(DocumentContext ctx, int start, int end)
    {
        if (ScoreLine(ctx, start, end) is { Count: >= 2 } scored)
        {
            return scored;
        }

        var i = start;
        if (ctx.Tokens[i].Kind == TokenKind.Number)
        {
            i++; // a standings position
        }

        var first = Name(ctx, i, end);
        if (first == i)
        {
            return [];
        }

        // Fixture: Name v Name.
        if (first < end && ctx.Tokens[first].Folded is "v" or "vs" or "vs.")
        {
            var other = Name(ctx, first + 1, end);
            return other == end && other > first + 1 ? [(i, first), (first + 1, other)] : [];
        }

        // Standings: Name and at least three numbers, nothing else.
        var numbers = 0;
        var j = first;
        for (; j < end && ctx.Tokens[j].Kind == TokenKind.Number; j++)
        {
            numbers++;
        }

        return numbers >= 3 && j == end ? [(i, first)] : [];
    }

    /// <summary>
    /// Names each followed by a score, perhaps with the country in brackets ("Leeds 2 Aston Villa 1", "Olympiacos ( Greece )
    /// 79 Monaco ( Monaco ) 88", several results on one line), then nothing or a bracket ("( 10 innings )").
    /// </summary>
    static List<(int First, int End)> ScoreLine(DocumentContext ctx, int start, int end)
    {
        var teams = new List<(int, int)>();
        var i = start;
        while (i < end)
        {
            var name = Name(ctx, i, end);
            if (name == i)
            {
                break;
            }

            var score = name;
            if (score < end && ctx.Tokens[score].IsPunct('(') && Name(ctx, score + 1, end) is var country && country > score + 1
                && country < end && ctx.Tokens[country].IsPunct(')'))
            {
                score = country + 1;
            }

            if (score >= end || !IsScore(ctx.Tokens[score]))
            {
                break;
            }

            teams.Add((i, name));
            i = score + 1;
        }

        return i == end || ctx.Tokens[i].IsPunct('(') ? teams : [];
    }

    /// <summary>The end of a team name of 1–5 capitalized words from i; i itself when there is none or the run is longer.</summary>
    static int Name(DocumentContext ctx, int i, int end)
    {
        var j = TaggedSpans.CapitalizedRun(ctx, i, end, MaxNameWords);
        return TaggedSpans.CapitalizedRun(ctx, j, end, 1) > j ? i : j;
    }

    static bool IsScore(Token token) => token.Kind == TokenKind.Number && token.Folded.All(char.IsAsciiDigit) && token.Folded.Length <= 3;

    /// <summary>The home nations field national teams but are regions in the lists (as is Lazio, a club's name too).</summary>
    static readonly HashSet<string> HomeNations = new(StringComparer.Ordinal) { "england", "scotland", "wales", "northern ireland" };

    /// <summary>The whole name is a listed country or a home nation.</summary>
    static bool IsCountry(DocumentContext ctx, int first, int end) =>
        ctx.MatchesAt(first).Any(m => m.Entry.Kind == LexKind.Country && m.End == end) || HomeNations.Contains(TaggedSpans.Folded(ctx, first, end));
}
