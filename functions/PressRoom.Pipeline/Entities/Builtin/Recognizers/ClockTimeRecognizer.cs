using System.Globalization;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// Clock times, which the number rules would otherwise read as quantities ("5" of "5 pm", the ordinal of "الساعة
/// الخامسة مساء"). English: an hour with am/pm after it ("5 pm", "8:30 p.m."). Arabic: an hour after الساعة, or an
/// hour followed by a part of the day ("الثامنة والنصف مساءً"), with والنصف/والربع between. An hour ordinal alone
/// ("الدورة الخامسة") stays an ordinal.
/// </summary>
internal static class ClockTimeRecognizer
{
    const string Category = "DateTime";

    /// <summary>Folded parts of the day and the hours they add on a 12-hour clock.</summary>
    static readonly Dictionary<string, int> DayParts = new(StringComparer.Ordinal)
    {
        [ArabicFolding.Fold("مساء")] = 12,
        [ArabicFolding.Fold("مساءً")] = 12,
        [ArabicFolding.Fold("مساءا")] = 12,
        [ArabicFolding.Fold("ليلاً")] = 12,
        [ArabicFolding.Fold("عصراً")] = 12,
        [ArabicFolding.Fold("ظهراً")] = 12,
        [ArabicFolding.Fold("صباحاً")] = 0,
        [ArabicFolding.Fold("فجراً")] = 0,
    };

    static readonly Dictionary<string, int> Fractions = new(StringComparer.Ordinal)
    {
        [ArabicFolding.Fold("والنصف")] = 30,
        [ArabicFolding.Fold("ونصف")] = 30,
        [ArabicFolding.Fold("والربع")] = 15,
        [ArabicFolding.Fold("وربع")] = 15,
    };

    static readonly string Hour = ArabicFolding.Fold("الساعة");

    public static void Run(DocumentContext ctx)
    {
        for (var i = 0; i < ctx.Count; i++)
        {
            if (ctx.Claimed[i])
            {
                continue;
            }

            var time = ctx.Tokens[i].IsArabic ? Arabic(ctx, i) : English(ctx, i);
            if (time is { } t)
            {
                Add(ctx, t);
                i = t.End - 1;
            }
        }
    }

    readonly record struct Time(int Start, int End, int Hours, int Minutes, int Prefix);

    static Time? English(DocumentContext ctx, int i)
    {
        if (!ctx.IsNumber(i) || !int.TryParse(ctx.Tokens[i].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > 12)
        {
            return null;
        }

        var j = i + 1;
        var minutes = 0;
        if (ctx.IsPunct(j, ':') && ctx.IsNumber(j + 1) && ctx.Tokens[j + 1].Folded.Length == 2
            && int.TryParse(ctx.Tokens[j + 1].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) && minutes < 60)
        {
            j += 2;
        }

        if (Meridiem(ctx, j) is not { } meridiem)
        {
            return null;
        }

        return new Time(i, meridiem.End, hours % 12 + meridiem.Add, minutes, 0);
    }

    /// <summary>"pm", "am", "p.m.", "a.m." at token j: the end token and the hours to add.</summary>
    static (int End, int Add)? Meridiem(DocumentContext ctx, int j)
    {
        if (!ctx.IsWord(j))
        {
            return null;
        }

        var word = ctx.Tokens[j].Folded.ToLowerInvariant();
        var add = word is "pm" or "p.m." or "p.m" ? 12 : word is "am" or "a.m." or "a.m" ? 0 : -1;
        if (add >= 0)
        {
            return (ctx.IsPunct(j + 1, '.') && word.EndsWith('m') && word.Contains('.', StringComparison.Ordinal) ? j + 2 : j + 1, add);
        }

        // Tokenized letter by letter: p . m .
        if (word is "p" or "a" && ctx.IsPunct(j + 1, '.') && ctx.IsWord(j + 2) && ctx.Tokens[j + 2].Folded.Equals("m", StringComparison.OrdinalIgnoreCase))
        {
            return (ctx.IsPunct(j + 3, '.') ? j + 4 : j + 3, word == "p" ? 12 : 0);
        }

        return null;
    }

    static Time? Arabic(DocumentContext ctx, int i)
    {
        var afterHourWord = ctx.Tokens[i].Folded == Hour;
        var at = afterHourWord ? i + 1 : i;
        if (NumberReader.Read(ctx, at, allowOrdinal: true) is not { } number || number.Value is < 1 or > 12 || number.Value != decimal.Truncate(number.Value)
            || ctx.AnyClaimed(at, number.End))
        {
            return null;
        }

        var j = number.End;
        var minutes = 0;
        if (j < ctx.Count && Fractions.TryGetValue(ctx.Tokens[j].Folded, out var fraction))
        {
            minutes = fraction;
            j++;
        }

        var hours = (int)number.Value;
        if (j < ctx.Count && DayParts.TryGetValue(ctx.Tokens[j].Folded, out var add))
        {
            hours = hours % 12 + add;
            j++;
        }
        else if (!afterHourWord)
        {
            return null;
        }

        return new Time(i, j, hours, minutes, afterHourWord ? 0 : number.Prefix);
    }

    static void Add(DocumentContext ctx, Time t)
    {
        var start = ctx.StartAfterProclitic(t.Start, t.Prefix);
        var end = ctx.Tokens[t.End - 1].End;
        var value = string.Create(CultureInfo.InvariantCulture, $"T{t.Hours:00}:{t.Minutes:00}");
        var english = string.Create(CultureInfo.InvariantCulture, $"{(t.Hours % 12 == 0 ? 12 : t.Hours % 12)}{(t.Minutes > 0 ? $":{t.Minutes:00}" : "")} {(t.Hours >= 12 ? "pm" : "am")}");
        ctx.Candidates.Add(new Candidate
        {
            Start = start,
            End = end,
            Category = Category,
            Subcategory = "Time",
            Confidence = 0.85,
            Value = value,
            English = english,
            Key = EntityKeys.Make(Category, value),
            Priority = Priorities.Temporal,
            FirstToken = t.Start,
            EndToken = t.End,
        });
        ctx.Claim(t.Start, t.End);
    }
}
