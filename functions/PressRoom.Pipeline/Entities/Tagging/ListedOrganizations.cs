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
            if (c.Category != "Organization" || c.Priority >= Priorities.Gazetteer || c.FirstToken < 0)
            {
                continue;
            }

            foreach (var m in ctx.MatchesAt(c.FirstToken))
            {
                if (m.Entry.Kind == LexKind.Organization && m.End == c.EndToken && m.Entry.English is { } english)
                {
                    c.English = english;
                    c.Key = EntityKeys.Make("Organization", english);
                    break;
                }
            }
        }
    }
}
