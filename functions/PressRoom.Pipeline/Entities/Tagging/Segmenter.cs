using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Cuts the token stream into the sequences the tagger decodes: at line breaks, after sentence-final punctuation and
/// at a length cap (bounded Viterbi buffers). A dot right after a capital letter standing alone is an initial, not
/// a sentence end ("Mario J. Lucero", "K. Michael Stevens"), nor is the dot of a title before a name ("Dr. Ruth
/// Ames"). Training uses the same cuts, so both see the same contexts.
/// </summary>
internal static class Segmenter
{
    public const int MaxTokens = 150;

    /// <summary>Folded titles whose dot comes before a name, not at a sentence end: "Dr. Ruth Ames", "Gov. Lisa Marsh".</summary>
    static readonly HashSet<string> TitleAbbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "prof", "gov", "gen", "sen", "rep", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr",
        "rev", "st", "hon", "pres", "brig", "cpl", "pvt", "supt", "insp", "messrs",
    };

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
            else if ((token.Kind == TokenKind.Punct && token.Folded is "." or "!" or "?" or "؟" && !AfterInitial(tokens, i)) || i + 1 - start >= MaxTokens)
            {
                Add(start, i + 1);
                start = i + 1;
            }
        }

        Add(start, tokens.Count);

        static bool AfterInitial(List<Token> tokens, int dot) =>
            tokens[dot].Folded == "." && dot > 0 && dot + 1 < tokens.Count
            && tokens[dot - 1] is { IsLatin: true, IsCapitalized: true } initial
            && (initial.Length == 1 || (TitleAbbreviations.Contains(initial.Folded) && tokens[dot + 1].IsCapitalized))
            && initial.End == tokens[dot].Start && tokens[dot + 1].Kind == TokenKind.Word;

        void Add(int s, int e)
        {
            if (e > s)
            {
                segments.Add((s, e));
            }
        }
    }
}
