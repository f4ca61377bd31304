using System.Text;

namespace PressRoom.Tests.AzureAI.Fakes;

/// <summary>
/// A deterministic stand-in for machine translation: known phrases from a small lexicon (longest first, with an
/// attached Arabic "و"/"ل"/"ب" proclitic), dynamic-dictionary markup honoured, every other word transliterated.
/// It reports alignment the way Translator does: inclusive code-point ranges into the text it was sent.
/// </summary>
public sealed class FakeTranslationEngine(IReadOnlyDictionary<string, string> lexicon)
{
    const string OpenTag = "<mstrans:dictionary translation=\"";
    const string CloseTag = "</mstrans:dictionary>";

    static readonly Dictionary<char, string> Proclitics = new() { ['و'] = "and", ['ل'] = "for", ['ب'] = "with", ['ف'] = "so" };

    static readonly Dictionary<char, string> Letters = new()
    {
        ['ا'] = "a", ['أ'] = "a", ['إ'] = "i", ['آ'] = "a", ['ب'] = "b", ['ت'] = "t", ['ث'] = "th", ['ج'] = "j", ['ح'] = "h",
        ['خ'] = "kh", ['د'] = "d", ['ذ'] = "dh", ['ر'] = "r", ['ز'] = "z", ['س'] = "s", ['ش'] = "sh", ['ص'] = "s", ['ض'] = "d",
        ['ط'] = "t", ['ظ'] = "z", ['ع'] = "a", ['غ'] = "gh", ['ف'] = "f", ['ق'] = "q", ['ك'] = "k", ['ل'] = "l", ['م'] = "m",
        ['ن'] = "n", ['ه'] = "h", ['و'] = "w", ['ي'] = "y", ['ى'] = "a", ['ة'] = "a", ['ء'] = "", ['ؤ'] = "u", ['ئ'] = "i",
    };

    static readonly Dictionary<char, char> Punctuation = new() { ['،'] = ',', ['؛'] = ';', ['؟'] = '?' };

    readonly IReadOnlyList<KeyValuePair<string, string>> phrases = [.. lexicon.OrderByDescending(p => p.Key.Length)];

    public sealed record Output(string Text, string Proj);

    public Output Translate(string text)
    {
        // Code points before each UTF-16 index: alignment is reported in code points.
        var before = new int[text.Length + 1];
        for (var k = 0; k < text.Length; k++)
        {
            before[k + 1] = before[k] + (char.IsLowSurrogate(text[k]) && k > 0 && char.IsHighSurrogate(text[k - 1]) ? 0 : 1);
        }

        var output = new Emitter(before);
        var proj = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith(OpenTag, StringComparison.Ordinal))
            {
                var valueStart = i + OpenTag.Length;
                var valueEnd = text.IndexOf("\">", valueStart, StringComparison.Ordinal);
                var innerEnd = text.IndexOf(CloseTag, valueEnd, StringComparison.Ordinal);
                output.Emit(proj, valueEnd + 2, innerEnd, text[valueStart..valueEnd]);
                i = innerEnd + CloseTag.Length;
                continue;
            }

            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                output.Attach(Punctuation.GetValueOrDefault(c, c));
                i++;
                continue;
            }

            if (Phrase(text, i) is { } phrase)
            {
                output.Emit(proj, i, i + phrase.Key.Length, phrase.Value);
                i += phrase.Key.Length;
                continue;
            }

            if (Proclitics.TryGetValue(c, out var lone) && i + 1 < text.Length && text.AsSpan(i + 1).StartsWith(OpenTag, StringComparison.Ordinal))
            {
                // A proclitic attached to a dictionary term ("و<mstrans:dictionary …>").
                output.Emit(proj, i, i + 1, lone);
                i++;
                continue;
            }

            if (Proclitics.TryGetValue(c, out var clitic) && i + 1 < text.Length && Phrase(text, i + 1) is { } attached)
            {
                output.Emit(proj, i, i + 1 + attached.Key.Length, $"{clitic} {attached.Value}");
                i += 1 + attached.Key.Length;
                continue;
            }

            var end = i;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || char.GetUnicodeCategory(text[end]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                end++;
            }

            output.Emit(proj, i, end, Transliterate(text[i..end]));
            i = end;
        }

        return new Output(output.Text, string.Join(' ', proj));
    }

    KeyValuePair<string, string>? Phrase(string text, int at)
    {
        foreach (var phrase in phrases)
        {
            var end = at + phrase.Key.Length;
            if (text.AsSpan(at).StartsWith(phrase.Key, StringComparison.Ordinal) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return phrase;
            }
        }

        return null;
    }

    /// <summary>Builds the translation and counts its code points as it goes (linear, even for 50,000-character elements).</summary>
    sealed class Emitter(int[] sourceCodePointsBefore)
    {
        readonly StringBuilder builder = new();
        int codePoints;

        public string Text => builder.ToString();

        public void Attach(char c)
        {
            builder.Append(c);
            codePoints++;
        }

        public void Emit(List<string> proj, int sourceStart, int sourceEnd, string translation)
        {
            if (builder.Length > 0)
            {
                Attach(' ');
            }

            var targetStart = codePoints;
            builder.Append(translation);
            codePoints += CodePoints(translation);
            proj.Add($"{sourceCodePointsBefore[sourceStart]}:{sourceCodePointsBefore[sourceEnd] - 1}-{targetStart}:{codePoints - 1}");
        }
    }

    static string Transliterate(string word)
    {
        var builder = new StringBuilder();
        foreach (var c in word)
        {
            if (c is >= '\u0660' and <= '\u0669')
            {
                builder.Append((char)('0' + (c - '\u0660')));
            }
            else if (Letters.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.Length > 0 && char.IsLetter(builder[0]) ? char.ToUpperInvariant(builder[0]) + builder.ToString(1, builder.Length - 1) : builder.ToString();
    }

    static int CodePoints(string text) => text.EnumerateRunes().Count();
}
