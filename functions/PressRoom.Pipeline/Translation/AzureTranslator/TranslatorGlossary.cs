using System.Text;
using PressRoom.Pipeline.AzureAI;

namespace PressRoom.Pipeline.Translation.AzureTranslator;

/// <summary>
/// The house term list, applied with Translator's dynamic dictionary markup
/// (<c>&lt;mstrans:dictionary translation="…"&gt;phrase&lt;/mstrans:dictionary&gt;</c>). The service honours it only
/// when <c>from</c> is given and English is the source or the target, so <see cref="AppliesTo"/> checks that.
/// Matching is case-sensitive and whole-word; an Arabic term may carry attached proclitics (و ف ب ل ك), as in
/// "ومكتب الأمم المتحدة…", and the markup then wraps the term only.
/// </summary>
public sealed class TranslatorGlossary
{
    const string ProcliticLetters = "وفبلك";

    readonly IReadOnlyList<GlossaryEntry> entries;

    TranslatorGlossary(IReadOnlyList<GlossaryEntry> entries) => this.entries = entries;

    public static TranslatorGlossary Empty { get; } = new([]);

    public int Count => entries.Count;

    /// <summary>Validates the configured terms; a bad one is a configuration error, reported with its position.</summary>
    public static TranslatorGlossary From(IEnumerable<GlossaryEntry> configured)
    {
        var list = new List<GlossaryEntry>();
        var index = 0;
        foreach (var entry in configured)
        {
            var source = entry.Source?.Trim() ?? string.Empty;
            var target = entry.Target?.Trim() ?? string.Empty;
            if (source.Length == 0 || target.Length == 0)
            {
                throw new ArgumentException($"AzureAI:Glossary:{index}: both Source and Target are required.", nameof(configured));
            }

            if (source.IndexOfAny(['<', '>']) >= 0 || target.IndexOfAny(['<', '>', '"']) >= 0)
            {
                throw new ArgumentException($"AzureAI:Glossary:{index}: terms may not contain markup characters (< > and \" in Target).", nameof(configured));
            }

            list.Add(new GlossaryEntry { Source = source, Target = target });
            index++;
        }

        // Longest first so "مكتب الأمم المتحدة لمكافحة الإرهاب" wins over "الأمم المتحدة".
        return new TranslatorGlossary([.. list.OrderByDescending(e => e.Source.Length)]);
    }

    public bool AppliesTo(string from, IReadOnlyList<string> targets) =>
        entries.Count > 0 && (IsEnglish(from) || targets.All(IsEnglish));

    /// <summary>Wraps every glossary term in <paramref name="text"/> in dictionary markup.</summary>
    public MarkedText Mark(string text)
    {
        if (entries.Count == 0)
        {
            return MarkedText.Unmarked(text);
        }

        var builder = new StringBuilder(text.Length);
        var segments = new List<MarkedText.Segment>();
        var copyFrom = 0;
        var i = 0;
        while (i < text.Length)
        {
            var match = entries.FirstOrDefault(e => IsMatchAt(text, i, e.Source));
            if (match is null)
            {
                i++;
                continue;
            }

            Copy(text, copyFrom, i, builder, segments);
            builder.Append("<mstrans:dictionary translation=\"").Append(match.Target).Append("\">");
            Copy(text, i, i + match.Source.Length, builder, segments);
            builder.Append("</mstrans:dictionary>");
            i += match.Source.Length;
            copyFrom = i;
        }

        Copy(text, copyFrom, text.Length, builder, segments);
        return new MarkedText(builder.ToString(), text.Length, segments);
    }

    static void Copy(string text, int from, int to, StringBuilder builder, List<MarkedText.Segment> segments)
    {
        if (to > from)
        {
            segments.Add(new MarkedText.Segment(builder.Length, from, to - from));
            builder.Append(text, from, to - from);
        }
    }

    static bool IsMatchAt(string text, int index, string term)
    {
        if (!text.AsSpan(index).StartsWith(term, StringComparison.Ordinal))
        {
            return false;
        }

        var end = index + term.Length;
        return (end == text.Length || !char.IsLetterOrDigit(text[end])) && LeftBoundary(text, index);
    }

    static bool LeftBoundary(string text, int index)
    {
        // Up to two attached proclitics (e.g. "وب") may precede the term; anything else letter-like may not.
        var p = index;
        for (var clitics = 0; clitics <= 2; clitics++)
        {
            if (p == 0 || !char.IsLetterOrDigit(text[p - 1]))
            {
                return true;
            }

            if (clitics == 2 || !ProcliticLetters.Contains(text[p - 1], StringComparison.Ordinal))
            {
                return false;
            }

            p--;
        }

        return false;
    }

    static bool IsEnglish(string language) =>
        language.Equals("en", StringComparison.OrdinalIgnoreCase) || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A text with markup inserted, and the way back from its offsets to the original's.</summary>
public sealed class MarkedText
{
    readonly IReadOnlyList<Segment> segments;
    readonly int originalLength;

    internal MarkedText(string text, int originalLength, IReadOnlyList<Segment> segments)
    {
        Text = text;
        this.originalLength = originalLength;
        this.segments = segments;
    }

    public string Text { get; }

    public static MarkedText Unmarked(string text) => new(text, text.Length, text.Length == 0 ? [] : [new Segment(0, 0, text.Length)]);

    /// <summary>Original offset of a start position; a position inside markup moves to the next original character.</summary>
    public int ToOriginalStart(int marked)
    {
        foreach (var s in segments)
        {
            if (marked < s.MarkedStart)
            {
                return s.OriginalStart;
            }

            if (marked < s.MarkedStart + s.Length)
            {
                return s.OriginalStart + (marked - s.MarkedStart);
            }
        }

        return originalLength;
    }

    /// <summary>Original offset of an exclusive end position; a position inside markup moves back to the previous original character.</summary>
    public int ToOriginalEnd(int marked)
    {
        var result = 0;
        foreach (var s in segments)
        {
            if (marked <= s.MarkedStart)
            {
                return result;
            }

            if (marked <= s.MarkedStart + s.Length)
            {
                return s.OriginalStart + (marked - s.MarkedStart);
            }

            result = s.OriginalStart + s.Length;
        }

        return result;
    }

    internal readonly record struct Segment(int MarkedStart, int OriginalStart, int Length);
}
