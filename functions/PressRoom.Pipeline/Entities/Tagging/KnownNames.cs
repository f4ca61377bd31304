using System.IO.Compression;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Proper names of an English lexical database (Words/names-en.txt.gz, written by <c>tools/GazetteerGen --wordnet</c>:
/// the capitalized instance nouns of people and places in WordNet 3.0 as Debian's wordnet-base ships it, see NOTICE)
/// as a tagger feature of English text: people and places beyond our own lists ("Nelson Mandela", "Kilimanjaro").
/// Matched as whole token sequences of at most <see cref="MaxTokens"/> words; loaded once per process on first use.
/// </summary>
internal sealed class KnownNames
{
    const string Resource = "PressRoom.Entities.Words.names-en.txt.gz";
    public const int MaxTokens = 5;

    /// <summary>Class bits of a name: a person, a place.</summary>
    public const int Person = 1, Place = 2;

    static readonly Lazy<KnownNames> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly Dictionary<ulong, int> _names = [];

    /// <summary>Names as (class letters P/L, name).</summary>
    public KnownNames(IEnumerable<(string Classes, string Name)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (classes, name) in names)
        {
            var tokens = Tokenizer.Tokenize(name);
            if (tokens.Count is 0 or > MaxTokens)
            {
                continue;
            }

            var hash = Start;
            foreach (var token in tokens)
            {
                hash = Next(hash, token);
            }

            var bits = (classes.Contains('P', StringComparison.Ordinal) ? Person : 0) | (classes.Contains('L', StringComparison.Ordinal) ? Place : 0);
            _names[hash] = _names.GetValueOrDefault(hash) | bits;
        }
    }

    public static KnownNames Default => Shared.Value;

    public int Count => _names.Count;

    /// <summary>The hash of an empty token sequence; extend it with <see cref="Next"/>.</summary>
    public const ulong Start = 14695981039346656037UL;

    public static ulong Next(ulong hash, Token token) => FeatureHash.Combine(hash, FeatureHash.Of(token.Folded));

    /// <summary>The class bits of the name hashed as <paramref name="hash"/>, or 0.</summary>
    public int Classes(ulong hash) => _names.GetValueOrDefault(hash);

    /// <summary>Reads the embedded list (once per process through <see cref="Default"/>).</summary>
    public static KnownNames Load()
    {
        using var stream = typeof(KnownNames).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("Embedded name list names-en is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var names = new List<(string, string)>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            names.Add((line[..tab], line[(tab + 1)..]));
        }

        return new KnownNames(names);
    }
}
