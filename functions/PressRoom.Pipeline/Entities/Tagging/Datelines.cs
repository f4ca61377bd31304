using System.Text.RegularExpressions;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// A wire dateline opens a line with a place in capitals, an optional ", State" or ", Country", then the date:
/// "MILAN 2026-01-14", "TOULOUSE , France 2026-01-12", "UNITED NATIONS 2025-11-13". Without lower case around it the
/// tagger reads the capitals as an acronym (an organization) or nothing; the layout says it is the place.
/// </summary>
internal static partial class Datelines
{
    const int MaxWords = 4;

    public static List<TaggedSpan> Apply(DocumentContext ctx, List<TaggedSpan> spans)
    {
        HashSet<int>? days = null;
        foreach (var (start, end) in TaggedSpans.Lines(ctx))
        {
            var place = start;
            while (place < end && place - start < MaxWords && TaggedSpans.IsAllCaps(ctx, ctx.Tokens[place]) && !ctx.IsStop(place))
            {
                place++;
            }

            if (place == start || place == end)
            {
                continue;
            }

            // ", Georgia" / ", France": capitalized words after a comma, up to the date ("LONDON , Aug 30": the date at once).
            days ??= DayDates(ctx);
            var region = (First: -1, End: -1);
            var date = place;
            if (ctx.Tokens[place].IsPunct(','))
            {
                var i = place + 1;
                while (i < end && i - place <= MaxWords && !days.Contains(i) && ctx.Tokens[i] is { IsLatin: true, IsCapitalized: true })
                {
                    i++;
                }

                region = i > place + 1 ? (place + 1, i) : region;
                date = i;
            }

            if (date < end && days.Contains(date))
            {
                TaggedSpans.Replace(spans, new TaggedSpan("LOC", start, place));
                if (region.First >= 0)
                {
                    TaggedSpans.Replace(spans, new TaggedSpan("LOC", region.First, region.End));
                }
            }
        }

        return spans;
    }

    /// <summary>The tokens where a day's date starts ("2026-01-14", "January 14"): a year alone ("IN 2015 ,") makes no dateline.</summary>
    static HashSet<int> DayDates(DocumentContext ctx) =>
        ctx.Candidates.Where(c => c.Category == "DateTime" && c.Value is { } value && DayValue().IsMatch(value)).Select(c => c.FirstToken).ToHashSet();

    [GeneratedRegex(@"^(\d{4}|-)-\d{2}-\d{2}$")]
    private static partial Regex DayValue();
}
