using PressRoom.Pipeline.AzureAI;

namespace PressRoom.Pipeline.Entities.AzureLanguage;

/// <summary>
/// Cuts a text into Language documents of at most <c>maxTextElements</c> text elements, between sentences where
/// possible. Each chunk keeps its offset in the whole text so entity offsets can be mapped back; blank chunks are dropped.
/// </summary>
public sealed class LanguageDocumentChunker(TextChunker chunker, int maxTextElements)
{
    public IReadOnlyList<TextSpan> Chunk(string text)
    {
        var chunks = new List<TextSpan>();
        foreach (var span in chunker.Chunk(text, maxTextElements, TextMeasure.TextElements))
        {
            var start = span.Start;
            var end = span.End;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                chunks.Add(new TextSpan(start, end - start));
            }
        }

        return chunks;
    }
}
