using System.IO.Compression;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// The words of an English spelling dictionary (Words/common-en.txt.gz, SCOWL's list as Debian's wamerican ships it;
/// see NOTICE) as a tagger feature: whether a word is an ordinary lower-case word, a proper noun, or neither tells a
/// headline's or a tweet's capitalized common word ("WIN", "Get") from a name the training text never showed.
/// Loaded once per process on first use.
/// </summary>
internal sealed class CommonWords
{
    const string Resource = "PressRoom.Entities.Words.common-en.txt.gz";

    static readonly Lazy<CommonWords> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly HashSet<string> _lower = new(StringComparer.Ordinal);
    readonly HashSet<string> _proper = new(StringComparer.Ordinal);

    /// <summary>Dictionary words as written: a word with a capital first letter is a proper noun.</summary>
    public CommonWords(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            (char.IsUpper(word[0]) ? _proper : _lower).Add(word.ToLowerInvariant());
        }
    }

    public static CommonWords Default => Shared.Value;

    /// <summary>Distinct words: lower-case words and proper nouns.</summary>
    public int Count => _lower.Count + _proper.Count;

    /// <summary>0 = not a Latin dictionary word, 1 = a lower-case word, 2 = a proper noun, 3 = both ("Bill", "May").</summary>
    public int Classify(Token token) =>
        !token.IsLatin ? 0 : (_lower.Contains(token.Folded) ? 1 : 0) | (_proper.Contains(token.Folded) ? 2 : 0);

    /// <summary>Reads the embedded list (once per process through <see cref="Default"/>; benchmarks call it directly).</summary>
    public static CommonWords Load()
    {
        using var stream = typeof(CommonWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException("Embedded word list common-en is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new List<string>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            words.Add(line);
        }

        return new CommonWords(words);
    }
}
