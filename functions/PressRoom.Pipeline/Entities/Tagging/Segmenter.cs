using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Cuts the token stream into the sequences the tagger decodes: at line breaks, after sentence-final punctuation and
/// at a length cap (bounded Viterbi buffers). Training uses the same cuts, so both see the same contexts.
/// </summary>
internal static class Segmenter
{
    public const int MaxTokens = 150;

    public static void Split(List<Token> tokens, List<(int Start, int End)> segments)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(segments);
        segments.Clear();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.Break)
            {
                Add(start, i);
                start = i + 1;
            }
            else if ((token.Kind == TokenKind.Punct && token.Folded is "." or "!" or "?" or "؟") || i + 1 - start >= MaxTokens)
            {
                Add(start, i + 1);
                start = i + 1;
            }
        }

        Add(start, tokens.Count);

        void Add(int s, int e)
        {
            if (e > s)
            {
                segments.Add((s, e));
            }
        }
    }
}
