using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace PressRoom.Tools.GazetteerGen;

/// <summary>
/// Writes the English proper-name list of the tagger's known-name feature (Words/names-en.txt.gz) from WordNet 3.0's
/// noun database as Debian's wordnet-base installs it: every capitalized lemma of an instance synset of people
/// (noun.person) and places (noun.location, noun.object), one "classes TAB name" line each (P person, L place), in
/// ordinal order, so a rerun writes the same bytes.
/// </summary>
internal static class WordNetNames
{
    public const string DefaultSource = "/usr/share/wordnet/data.noun";

    // Lexicographer file numbers (WordNet's lexnames): noun.location, noun.object, noun.person.
    static readonly Dictionary<int, char> Classes = new() { [15] = 'L', [17] = 'L', [18] = 'P' };

    public static int Write(string source, string output)
    {
        var names = new SortedDictionary<string, SortedSet<char>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(source, Encoding.Latin1))
        {
            // License and header lines start with two spaces; a synset line is
            // "offset lexfile pos count (lemma lexid)… pointer-count (symbol offset pos source/target)… | gloss".
            if (line.StartsWith("  ", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(" | ", 2)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!Classes.TryGetValue(int.Parse(fields[1], CultureInfo.InvariantCulture), out var cls))
            {
                continue;
            }

            var count = Convert.ToInt32(fields[3], 16);
            var pointers = int.Parse(fields[4 + (2 * count)], CultureInfo.InvariantCulture);
            var instance = Enumerable.Range(0, pointers).Any(p => fields[5 + (2 * count) + (4 * p)] == "@i");
            if (!instance)
            {
                continue;
            }

            for (var w = 0; w < count; w++)
            {
                var lemma = fields[4 + (2 * w)];
                var paren = lemma.IndexOf('(', StringComparison.Ordinal);
                lemma = (paren >= 0 ? lemma[..paren] : lemma).Replace('_', ' ');
                if (lemma.Length > 0 && char.IsUpper(lemma[0]))
                {
                    if (!names.TryGetValue(lemma, out var set))
                    {
                        names[lemma] = set = [];
                    }

                    set.Add(cls);
                }
            }
        }

        using var file = File.Create(output);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (name, set) in names)
        {
            writer.WriteLine($"{string.Concat(set)}\t{name}");
        }

        Console.WriteLine($"Wrote {names.Count} names to {output}");
        return 0;
    }
}
