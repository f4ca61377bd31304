using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Lexicon;

/// <summary>
/// All gazetteers compiled into one trie over folded tokens. A document is matched in a single left-to-right pass:
/// at each token the clitic-stripped forms of the first word index the root, then following tokens walk down.
/// Cost is linear in the number of tokens times the (small, bounded) depth of the entries.
/// </summary>
internal sealed class LexiconTrie
{
    readonly Node _root = new();

    public int EntryCount { get; private set; }

    public void Add(IReadOnlyList<string> foldedTokens, LexEntry entry)
    {
        var node = _root;
        foreach (var token in foldedTokens)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(token, out var child))
            {
                child = new Node();
                node.Children[token] = child;
            }

            node = child;
        }

        node.Entries ??= [];
        if (!node.Entries.Contains(entry))
        {
            node.Entries.Add(entry);
            EntryCount++;
        }
    }

    /// <summary>Every entry that starts at token <paramref name="start"/> (any clitic form of it), longest last.</summary>
    public void MatchAt(IReadOnlyList<Token> tokens, int start, List<LexMatch> results)
    {
        var first = tokens[start];
        if (first.Kind == TokenKind.Break)
        {
            return;
        }

        foreach (var variant in first.Variants)
        {
            if (_root.Children is null || !_root.Children.TryGetValue(variant.Stem, out var node))
            {
                continue;
            }

            var end = start + 1;
            while (true)
            {
                if (node.Entries is not null)
                {
                    foreach (var entry in node.Entries)
                    {
                        results.Add(new LexMatch(start, end, variant.Prefix, variant.SpanPrefix, variant.HasProclitic, entry));
                    }
                }

                if (node.Children is null || end >= tokens.Count || tokens[end].Kind == TokenKind.Break
                    || !node.Children.TryGetValue(tokens[end].Folded, out var next))
                {
                    break;
                }

                node = next;
                end++;
            }
        }
    }

    sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<LexEntry>? Entries;
    }
}
