using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// A nationality before a full name is not part of it: "Dutchman Max Verstappen", "Australian Kurtis Marschall" are
/// Max Verstappen and Kurtis Marschall (sports copy writes them so; the tagger, seeing capitals, reads on).
/// </summary>
internal static class NationalityBeforeNames
{
    public static List<TaggedSpan> Trim(DocumentContext ctx, List<TaggedSpan> spans)
    {
        for (var k = 0; k < spans.Count; k++)
        {
            var span = spans[k];
            if (span.Type == "PER" && span.End - span.First >= 3 && Demonyms.IsNationality(ctx.Tokens[span.First]))
            {
                spans[k] = span with { First = span.First + 1 };
            }
        }

        return spans;
    }
}
