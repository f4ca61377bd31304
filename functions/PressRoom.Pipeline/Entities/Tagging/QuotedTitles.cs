using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// A place name standing alone between quotes that is also a listed paper or channel is that paper or channel:
/// "قال لـ« الشرق الأوسط »" is the newspaper Asharq Al-Awsat, not the Middle East; "في الشرق الأوسط" stays the region.
/// </summary>
internal static class QuotedTitles
{
    public static void Apply(DocumentContext ctx)
    {
        for (var k = 0; k < ctx.Candidates.Count; k++)
        {
            var place = ctx.Candidates[k];
            if (place.Category != "Location" || place.FirstToken < 1 || place.EndToken >= ctx.Count
                || !IsQuote(ctx.Tokens[place.FirstToken - 1].Folded) || !IsQuote(ctx.Tokens[place.EndToken].Folded))
            {
                continue;
            }

            if (ListedOrganizations.EnglishOf(ctx, place.FirstToken, place.EndToken) is { } english)
            {
                ctx.Candidates[k] = new Candidate
                {
                    Start = place.Start,
                    End = place.End,
                    Category = "Organization",
                    Confidence = place.Confidence,
                    English = english,
                    Key = EntityKeys.Make("Organization", english),
                    Priority = place.Priority,
                    FirstToken = place.FirstToken,
                    EndToken = place.EndToken,
                };
            }
        }
    }

    static bool IsQuote(string token) => token is "«" or "»" or "\"" or "“" or "”" or "'";
}
