namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>One sentence of a CoNLL-style file: tokens with their IOB2 tags and the document it belongs to.</summary>
public sealed record ConllSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags, string? Document);

/// <summary>
/// Reads the <c>token TAB tag</c> format of the training data (blank line between sentences, <c># doc:</c> lines
/// marking documents). Orphan <c>I-X</c> tags become <c>B-X</c> (the seqeval reading), so spans are always well formed.
/// </summary>
public static class ConllReader
{
    public static List<ConllSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader);
    }

    public static List<ConllSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        string? document = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith("# doc:", StringComparison.Ordinal))
            {
                Flush();
                document = line[6..].Trim();
                continue;
            }

            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                continue;
            }

            var tab = line.LastIndexOf('\t');
            if (tab <= 0)
            {
                throw new FormatException($"Line {lineNumber}: expected 'token<TAB>tag'.");
            }

            var tag = line[(tab + 1)..].Trim();
            if (tag.StartsWith("I-", StringComparison.Ordinal) && (tags.Count == 0 || tags[^1] == "O" || tags[^1][2..] != tag[2..]))
            {
                tag = "B-" + tag[2..];
            }

            tokens.Add(line[..tab]);
            tags.Add(tag);
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new ConllSentence([.. tokens], [.. tags], document));
                tokens.Clear();
                tags.Clear();
            }
        }
    }

    /// <summary>The typed spans of a tag sequence as [first, endExclusive) token ranges; types outside <paramref name="keep"/> are ignored.</summary>
    public static List<TypedSpan> Spans(IReadOnlyList<string> tags, IReadOnlySet<string>? keep = null, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var spans = new List<TypedSpan>();
        var i = 0;
        while (i < tags.Count)
        {
            if (!tags[i].StartsWith("B-", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var type = tags[i][2..];
            var end = i + 1;
            while (end < tags.Count && tags[end].StartsWith("I-", StringComparison.Ordinal) && tags[end].AsSpan(2).SequenceEqual(type))
            {
                end++;
            }

            if (keep is null || keep.Contains(type))
            {
                spans.Add(new TypedSpan(type, offset + i, offset + end));
            }

            i = end;
        }

        return spans;
    }
}
