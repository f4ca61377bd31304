using System.Globalization;
using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>A number read from the text: tokens [Start, End), its value, and whether it was written as an ordinal.</summary>
internal readonly record struct NumberSpan(int Start, int End, decimal Value, bool IsOrdinal, bool FromDigits, int Prefix, int Digits);

/// <summary>
/// Reads numbers written with digits ("19,100", "19.1", "٣٬٥٠٠"), digits with a scale ("19.1 ألف", "5 million", "$5m")
/// and number words ("ثلاث", "الحادي والستين", "twenty-five", "مليوني").
/// </summary>
internal static class NumberReader
{
    /// <summary>Parses the folded form of a number token. Returns false for shapes that are not one number (29.03.2024).</summary>
    public static bool TryParseDigits(string folded, out decimal value, out int integerDigits)
    {
        value = 0;
        integerDigits = 0;
        var commas = folded.Count(c => c == ',');
        var dots = folded.Count(c => c == '.');
        string normalized;
        if (commas > 0 && dots > 1 || dots > 1 && !ThousandGroups(folded, '.'))
        {
            return false;
        }

        if (commas > 0 && dots == 1)
        {
            normalized = folded.Replace(",", "", StringComparison.Ordinal);
        }
        else if (commas > 0)
        {
            normalized = ThousandGroups(folded, ',') ? folded.Replace(",", "", StringComparison.Ordinal) : folded.Replace(',', '.');
        }
        else if (dots > 1)
        {
            normalized = folded.Replace(".", "", StringComparison.Ordinal);
        }
        else
        {
            normalized = folded;
        }

        integerDigits = normalized.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? dot : normalized.Length;
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    static bool ThousandGroups(string folded, char separator)
    {
        var groups = folded.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>A number at token i: digits (+ scale) or number words (+ scale). Ordinals only when <paramref name="allowOrdinal"/>.</summary>
    public static NumberSpan? Read(DocumentContext ctx, int i, bool allowOrdinal)
    {
        if (ctx.IsNumber(i))
        {
            if (!TryParseDigits(ctx.Tokens[i].Folded, out var value, out var digits))
            {
                return null;
            }

            var end = i + 1;
            if (ScaleAt(ctx, end, i) is { } scale)
            {
                value *= scale.Value;
                end = scale.End;
            }

            return new NumberSpan(i, end, value, false, true, 0, digits);
        }

        return ReadWords(ctx, i, allowOrdinal);
    }

    static (decimal Value, int End)? ScaleAt(DocumentContext ctx, int j, int numberToken)
    {
        if (j >= ctx.Count || !ctx.IsWord(j))
        {
            return null;
        }

        var scale = ctx.FindWhole(j, LexKind.Scale);
        if (scale is null)
        {
            return null;
        }

        // "m"/"bn" only directly attached to the number ($5m, 3bn) or spelled out.
        var folded = ctx.Tokens[j].Folded;
        if (folded is "m" or "mn" or "bn" && !ctx.Adjacent(numberToken, j))
        {
            return null;
        }

        return (scale.Value.Entry.Number, j + 1);
    }

    static NumberSpan? ReadWords(DocumentContext ctx, int i, bool allowOrdinal)
    {
        if (!ctx.IsWord(i))
        {
            return null;
        }

        var token = ctx.Tokens[i];
        if (token.IsLatin && token.Folded.Contains('-', StringComparison.Ordinal))
        {
            return ReadHyphenated(token.Folded, i, allowOrdinal);
        }

        LexMatch? first = null;
        foreach (var m in ctx.MatchesAt(i))
        {
            if (m.Entry.Kind is LexKind.Cardinal or LexKind.Tens or LexKind.DualScale or LexKind.Ordinal
                && (allowOrdinal || m.Entry.Kind != LexKind.Ordinal)
                && (first is null || m.End > first.Value.End || (m.End == first.Value.End && m.Prefix < first.Value.Prefix)))
            {
                first = m;
            }
        }

        if (first is not { } start)
        {
            return null;
        }

        var value = start.Entry.Number;
        var ordinal = start.Entry.Kind == LexKind.Ordinal;
        var end = start.End;

        // Teens: ثلاثة عشر, الحادي عشر.
        if (value < 10 && ctx.FindWhole(end, LexKind.Cardinal) is { Entry.Number: 10 })
        {
            value += 10;
            end++;
        }

        // Units joined to tens by و: ثلاثة وعشرون, الحادي والستين.
        if (value < 10 && end < ctx.Count && ctx.Tokens[end].IsArabic && ctx.Tokens[end].Folded.StartsWith('و'))
        {
            foreach (var m in ctx.MatchesAt(end))
            {
                if (m.Entry.Kind == LexKind.Tens && m.HasProclitic && m.End == end + 1)
                {
                    value += m.Entry.Number;
                    end++;
                    break;
                }
            }
        }

        if (!ordinal && start.Entry.Kind != LexKind.DualScale && ScaleAt(ctx, end, end - 1) is { } scale)
        {
            value *= scale.Value;
            end = scale.End;
        }

        return new NumberSpan(i, end, value, ordinal, false, start.SpanPrefix, 0);
    }

    static readonly Dictionary<string, int> EnglishUnits = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["first"] = -1, ["second"] = -2, ["third"] = -3, ["fourth"] = -4, ["fifth"] = -5, ["sixth"] = -6, ["seventh"] = -7, ["eighth"] = -8, ["ninth"] = -9,
    };

    static readonly Dictionary<string, int> EnglishTens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>twenty-five, sixty-first (a hyphenated Latin token).</summary>
    static NumberSpan? ReadHyphenated(string folded, int i, bool allowOrdinal)
    {
        var parts = folded.Split('-');
        if (parts.Length != 2 || !EnglishTens.TryGetValue(parts[0], out var tens) || !EnglishUnits.TryGetValue(parts[1], out var unit))
        {
            return null;
        }

        var ordinal = unit < 0;
        if (ordinal && !allowOrdinal)
        {
            return null;
        }

        return new NumberSpan(i, i + 1, tens + Math.Abs(unit), ordinal, false, 0, 0);
    }

    /// <summary>The number part of an English compound like "three-year" or "5-day".</summary>
    public static decimal? EnglishCount(string word) =>
        EnglishUnits.TryGetValue(word, out var u) && u > 0 ? u
        : EnglishTens.TryGetValue(word, out var t) ? t
        : word switch
        {
            "ten" => 10, "eleven" => 11, "twelve" => 12, "fifteen" => 15, "twenty" => 20,
            _ => decimal.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null,
        };

    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
