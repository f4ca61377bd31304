namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// Where sentences end. A seam: the document reader's shared segmenter can replace <see cref="SimpleSentenceSplitter"/>
/// by registering another implementation.
/// </summary>
public interface ISentenceSplitter
{
    /// <summary>Contiguous spans that together cover the whole text, each ending after a sentence's trailing whitespace.</summary>
    IReadOnlyList<TextSpan> Sentences(string text);

    /// <summary>Contiguous spans of one over-long sentence, cut after clause marks (، ؛ , ;).</summary>
    IReadOnlyList<TextSpan> Clauses(string text, TextSpan sentence);
}
