using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Gives a person whose whole name is a well-known person's entry (persons-known.tsv, not flagged ambiguous) that
/// person's English name and key: "جورج بوش" is George W. Bush, not the romanized "Jourej Boush", and the Arabic and
/// English mentions share one key. Short mentions linked to a renamed person follow it.
/// </summary>
internal static class KnownPersons
{
    public static void Name(DocumentContext ctx)
    {
        Dictionary<string, string>? renamed = null;
        foreach (var c in ctx.Candidates)
        {
            if (c.Category != "Person" || c.Attributes?.ContainsKey("linkedTo") == true)
            {
                continue;
            }

            foreach (var m in ctx.MatchesAt(c.FirstToken))
            {
                if (m.Entry.Kind == LexKind.KnownPerson && !m.Entry.Ambiguous && m.End == c.EndToken && m.Entry.English is { } english && c.English != english)
                {
                    var key = EntityKeys.Make("Person", english);
                    (renamed ??= new(StringComparer.Ordinal))[c.Key] = key;
                    c.English = english;
                    c.Key = key;
                    break;
                }
            }
        }

        if (renamed is null)
        {
            return;
        }

        foreach (var c in ctx.Candidates)
        {
            if (c.Attributes is { } a && a.TryGetValue("linkedTo", out var target) && renamed.TryGetValue(target, out var key))
            {
                c.SetAttribute("linkedTo", key);
            }
        }
    }
}
