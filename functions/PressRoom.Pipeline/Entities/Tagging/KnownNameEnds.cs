using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// A well-known person's listed full name is complete: a tagger person that is that name and one more word ran on
/// ("الفنان عزت أبو عوف برنامجا" = Ezzat Abu Ouf and "a programme"; "الحارس ايكر كاسياس بيد" = Iker Casillas and
/// "but"). The extra word is dropped unless it is itself a name: a listed person's name, a given name or a place.
/// Left alone, the run-on also made the extra word a surname mention elsewhere in the story.
/// </summary>
internal static class KnownNameEnds
{
    public static List<TaggedSpan> Trim(DocumentContext ctx, List<TaggedSpan> spans)
    {
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            var last = span.End - 1;
            if (span.Type == "PER" && span.End - span.First >= 3
                && ctx.MatchesAt(span.First).Any(m => m.Entry.Kind == LexKind.KnownPerson && !m.Entry.Ambiguous && m.End == last)
                && !ctx.MatchesAt(last).Any(m => m.Entry.Kind is LexKind.KnownPerson or LexKind.GivenName or LexKind.LatinGivenName or LexKind.City or LexKind.Country or LexKind.Region)
                && !ContinuesListedName(ctx, span.First, last))
            {
                spans[k] = span with { End = last };
            }
        }

        return spans;
    }

    /// <summary>A longer listed name also starts there and runs through the last word.</summary>
    static bool ContinuesListedName(DocumentContext ctx, int first, int last) =>
        ctx.MatchesAt(first).Any(m => m.Entry.Kind == LexKind.KnownPerson && m.End > last);
}
