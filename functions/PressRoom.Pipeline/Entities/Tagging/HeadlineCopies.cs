using System.Globalization;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Training copies of English sentences in capitals, as news headlines and datelines are written ("SOCCER - JAPAN
/// GET LUCKY WIN"): the training corpora hardly have any, and a tagger that has only seen mixed case reads every
/// capitalized word as an acronym. Each copy is its own document, so no document feature links it to its original.
/// </summary>
internal static class HeadlineCopies
{
    /// <summary>Every <paramref name="every"/>-th sentence (deterministic), its tokens upper-cased, tags unchanged.</summary>
    public static IEnumerable<ConllSentence> Of(IReadOnlyList<ConllSentence> sentences, int every)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (every <= 0)
        {
            yield break;
        }

        for (var i = every - 1; i < sentences.Count; i += every)
        {
            var s = sentences[i];
            yield return new ConllSentence(s.Tokens.Select(t => t.ToUpper(CultureInfo.InvariantCulture)).ToList(), s.Tags, $"upper:{i}");
        }
    }
}
