using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Gives a tagger organization whose whole name is a listed organization that entry's English name and key: where the
/// lists read the same words as a place ("لـ« الشرق الأوسط »" the paper, not the region) the tagger's organization
/// stands, and it is Asharq Al-Awsat, not the romanized "Al-Sharaq Al-Awsat". Entries flagged ambiguous count too:
/// the tagger's reading of the context is what settles them.
/// </summary>
internal static class ListedOrganizations
{
    public static void Name(DocumentContext ctx)
    {
        foreach (var c in ctx.Candidates)
        {
            if (c.Category == "Organization" && c.Priority < Priorities.Gazetteer && c.FirstToken >= 0 && EnglishOf(ctx, c.FirstToken, c.EndToken) is { } english)
            {
                c.English = english;
                c.Key = EntityKeys.Make("Organization", english);
            }
        }
    }

    /// <summary>The English name of the listed organization written exactly as tokens [first, end), or null.</summary>
    public static string? EnglishOf(DocumentContext ctx, int first, int end)
    {
        foreach (var m in ctx.MatchesAt(first))
        {
            if (m.Entry.Kind == LexKind.Organization && m.End == end && m.Entry.English is { } english)
            {
                return english;
            }
        }

        return null;
    }
}
