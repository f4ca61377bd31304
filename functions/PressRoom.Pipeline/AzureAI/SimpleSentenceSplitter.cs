namespace PressRoom.Pipeline.AzureAI;

/// <summary>
/// A small rule-based splitter for Arabic and Latin text: a sentence ends after . ! ? ؟ … or a line break, when the
/// mark is followed by whitespace or the end (so 3.5 and 1.200.000 stay whole). Clauses end after ، ؛ , ;.
/// </summary>
public sealed class SimpleSentenceSplitter : ISentenceSplitter
{
    static readonly char[] SentenceMarks = ['.', '!', '?', '؟', '…', '\n', '۔'];
    static readonly char[] ClauseMarks = ['،', '؛', ',', ';', ':'];

    /// <summary>Closing quotes and brackets that belong to the sentence they close.</summary>
    static readonly char[] Closers = ['"', '\'', ')', ']', '»', '”', '’', '}'];

    public IReadOnlyList<TextSpan> Sentences(string text) => Split(text, new TextSpan(0, text.Length), SentenceMarks);

    public IReadOnlyList<TextSpan> Clauses(string text, TextSpan sentence) => Split(text, sentence, ClauseMarks);

    static List<TextSpan> Split(string text, TextSpan within, char[] marks)
    {
        var spans = new List<TextSpan>();
        var start = within.Start;
        var i = within.Start;
        while (i < within.End)
        {
            if (Array.IndexOf(marks, text[i]) < 0)
            {
                i++;
                continue;
            }

            var j = i + 1;
            while (j < within.End && (Array.IndexOf(marks, text[j]) >= 0 || Array.IndexOf(Closers, text[j]) >= 0))
            {
                j++;
            }

            if (j < within.End && !char.IsWhiteSpace(text[j]) && text[i] != '\n')
            {
                i = j;
                continue;
            }

            while (j < within.End && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            spans.Add(new TextSpan(start, j - start));
            start = j;
            i = j;
        }

        if (start < within.End)
        {
            spans.Add(new TextSpan(start, within.End - start));
        }

        return spans;
    }
}
