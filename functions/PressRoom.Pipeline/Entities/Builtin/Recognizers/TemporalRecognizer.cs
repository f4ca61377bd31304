using System.Globalization;
using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Text;

namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// DateTime entities: Gregorian, Levantine and Hijri month names, هـ dates, numeric dates, weekdays, years, ranges,
/// parts of years, relative dates resolved against the reference date, durations and sets — values in ISO 8601.
/// </summary>
internal static class TemporalRecognizer
{
    const string Category = "DateTime";
    static readonly UmAlQuraCalendar Hijri = new();

    public static void Run(DocumentContext ctx)
    {
        ctx.ReferenceDate ??= FindDatelineDate(ctx);
        for (var i = 0; i < ctx.Count; i++)
        {
            if (ctx.Claimed[i] || ctx.Tokens[i].Kind == TokenKind.Punct && !IsCurrencySymbol(ctx.Tokens[i]))
            {
                continue;
            }

            if (TryAt(ctx, i) is { } hit)
            {
                var extended = Extend(ctx, hit);
                Add(ctx, extended);
                i = extended.End - 1;
            }
        }
    }

    static bool IsCurrencySymbol(Token token) => token.Folded is "$" or "€" or "£";

    /// <summary>The first complete date in the opening lines (the dateline) when the caller gave no reference date.</summary>
    static DateOnly? FindDatelineDate(DocumentContext ctx)
    {
        for (var i = 0; i < ctx.Count && ctx.Tokens[i].Start < 400; i++)
        {
            if (TryAbsolute(ctx, i, null) is { Date: { } date })
            {
                return date;
            }
        }

        return null;
    }

    sealed record Hit(int Start, int End, int Prefix, string Sub, string? Value, string? English)
    {
        public DateOnly? Date { get; init; }

        /// <summary>Month or weekday based: a following المقبل/الماضي shifts it.</summary>
        public Func<int, Hit>? Shift { get; init; }
    }

    static Hit? TryAt(DocumentContext ctx, int i) =>
        TryYearPart(ctx, i)
        ?? TryWeekday(ctx, i)
        ?? TryAbsolute(ctx, i, ctx.ReferenceDate)
        ?? TryRelative(ctx, i)
        ?? TryDuration(ctx, i)
        ?? TrySet(ctx, i);

    // ---- absolute dates -------------------------------------------------------------------------

    static Hit? TryAbsolute(DocumentContext ctx, int i, DateOnly? reference)
    {
        if (ctx.IsNumber(i))
        {
            return TryNumericDate(ctx, i) ?? TryDayMonth(ctx, i, reference) ?? TryYear(ctx, i);
        }

        if (MonthAt(ctx, i) is { } month)
        {
            return TryMonthLed(ctx, i, month, reference);
        }

        return null;
    }

    static LexMatch? MonthAt(DocumentContext ctx, int i)
    {
        var month = ctx.Find(i, LexKind.Month);
        if (month is not { } m)
        {
            return null;
        }

        var token = ctx.Tokens[i];
        if (token.IsLatin && !token.IsCapitalized)
        {
            return null;
        }

        return m;
    }

    static int? Day(DocumentContext ctx, int i) =>
        ctx.IsNumber(i) && ctx.Tokens[i].Folded.Length <= 2 && int.TryParse(ctx.Tokens[i].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : null;

    static int? Year(DocumentContext ctx, int i, bool hijriAllowed)
    {
        if (!ctx.IsNumber(i) || ctx.Tokens[i].Folded.Length != 4 || !int.TryParse(ctx.Tokens[i].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return null;
        }

        return y is >= 1900 and <= 2100 || hijriAllowed && y is >= 1300 and <= 1500 ? y : null;
    }

    /// <summary>A calendar marker after a year: هـ (Hijri) or م (Gregorian).</summary>
    static (string? Calendar, int End) Marker(DocumentContext ctx, int j)
    {
        if (ctx.FindWhole(j, LexKind.HijriMarker) is not null && (ctx.Tokens[j].IsArabic || ctx.Tokens[j].Folded is "ah" && ctx.Tokens[j].IsCapitalized))
        {
            return ("hijri", j + 1);
        }

        if (ctx.FindWhole(j, LexKind.GregorianMarker) is not null && ctx.Tokens[j].IsArabic && (ctx.Tokens[j].Folded.Length > 1 || ctx.Adjacent(j - 1, j) || ctx.IsPunct(j + 1, '.') || ctx.IsPunct(j + 1, '،') || ctx.IsPunct(j + 1, ',')))
        {
            return ("gregorian", j + 1);
        }

        return (null, j);
    }

    static Hit? TryYear(DocumentContext ctx, int i)
    {
        var (calendar, end) = Marker(ctx, i + 1);
        var year = Year(ctx, i, calendar == "hijri");
        if (year is not { } y || IsQuantityUnitAt(ctx, i + 1))
        {
            return null;
        }

        // Year ranges: 2019 إلى 2023, 2024-2030, 2019–2023, between 2019 and 2023.
        if (calendar is null && RangeConnector(ctx, i + 1) is { } next && Year(ctx, next, false) is { } y2 && y2 > y && y2 - y < 100)
        {
            return new Hit(i, next + 1, 0, "DateRange", $"{y}/{y2}", $"{y}–{y2}");
        }

        if (calendar == "hijri")
        {
            return HijriYear(i, end, y);
        }

        return new Hit(i, end, 0, "Date", y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture));
    }

    static Hit? HijriYear(int start, int end, int year)
    {
        try
        {
            var first = DateOnly.FromDateTime(Hijri.ToDateTime(year, 1, 1, 0, 0, 0, 0));
            var last = DateOnly.FromDateTime(Hijri.ToDateTime(year + 1, 1, 1, 0, 0, 0, 0)).AddDays(-1);
            return new Hit(start, end, 0, "Date", $"{Iso(first)}/{Iso(last)}", $"{year} AH") { };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    static bool IsQuantityUnitAt(DocumentContext ctx, int j) =>
        ctx.Has(j, LexKind.Currency) || ctx.FindWhole(j, LexKind.Scale) is not null || ctx.Has(j, LexKind.Percent) || ctx.FindWhole(j, LexKind.DurationUnit) is not null;

    /// <summary>The token after a range connector (إلى، حتى، -، –، to, and, until, و) or null.</summary>
    static int? RangeConnector(DocumentContext ctx, int j)
    {
        if (j >= ctx.Count)
        {
            return null;
        }

        var token = ctx.Tokens[j];
        if (token.Kind == TokenKind.Punct && token.Folded == "-" && j + 1 < ctx.Count)
        {
            return j + 1;
        }

        if (token.Kind == TokenKind.Word && token.Folded is "الى" or "الي" or "حتى" or "to" or "and" or "until" or "through" or "و")
        {
            return j + 1;
        }

        return null;
    }

    /// <summary>29 مارس 2024, 3 و4 آذار المقبل, 14 to 17 October, 20 جمادى الأولى 1446هـ.</summary>
    static Hit? TryDayMonth(DocumentContext ctx, int i, DateOnly? reference)
    {
        if (Day(ctx, i) is not { } day)
        {
            return null;
        }

        var j = i + 1;
        int? lastDay = null;
        if (MonthAt(ctx, j) is null && RangeConnector(ctx, j) is { } k && Day(ctx, k) is { } d2 && d2 > day && MonthAt(ctx, k + 1) is not null)
        {
            lastDay = d2;
            j = k + 1;
        }

        // "10th of June" / "10 of June" are rare in releases; "of" is accepted between day and month.
        if (MonthAt(ctx, j) is not { } month)
        {
            return null;
        }

        var end = month.End;
        var calendar = month.Entry.Code!;
        int? year = null;
        var yearEnd = end;
        if (ctx.IsPunct(yearEnd, ',') && Year(ctx, yearEnd + 1, false) is not null)
        {
            yearEnd++;
        }

        var (marker, markerEnd) = Marker(ctx, yearEnd + 1);
        if (Year(ctx, yearEnd, calendar == "hijri" || marker == "hijri") is { } y)
        {
            year = y;
            end = marker is not null ? markerEnd : yearEnd + 1;
            if (marker == "hijri" || y < 1600)
            {
                calendar = "hijri";
            }
        }

        var monthIndex = (int)month.Entry.Number;
        if (lastDay is { } ld)
        {
            return DayRange(i, end, calendar, year, monthIndex, day, ld, reference);
        }

        return MakeDate(i, end, calendar, year, monthIndex, day, reference);
    }

    static Hit? DayRange(int start, int end, string calendar, int? year, int month, int first, int last, DateOnly? reference)
    {
        var a = MakeDate(start, end, calendar, year, month, first, reference);
        var b = MakeDate(start, end, calendar, year, month, last, reference);
        if (a is null || b is null)
        {
            return null;
        }

        return new Hit(start, end, 0, "DateRange", $"{a.Value}/{b.Value}", $"{a.English} – {b.English}")
        {
            Shift = a.Shift is null ? null : offset => DayRange(start, end, calendar, ShiftYear(month, offset, reference), month, first, last, reference) ?? a,
        };
    }

    static int? ShiftYear(int month, int offset, DateOnly? reference)
    {
        if (reference is not { } r)
        {
            return null;
        }

        return offset > 0 ? (month > r.Month ? r.Year : r.Year + 1) : offset < 0 ? (month < r.Month ? r.Year : r.Year - 1) : r.Year;
    }

    static Hit? MakeDate(int start, int end, string calendar, int? year, int month, int day, DateOnly? reference)
    {
        if (calendar == "hijri")
        {
            if (year is not { } hy)
            {
                return new Hit(start, end, 0, "Date", null, $"{day} {HijriMonthName(month)}") { };
            }

            try
            {
                var date = DateOnly.FromDateTime(Hijri.ToDateTime(hy, month, day, 0, 0, 0, 0));
                var hit = new Hit(start, end, 0, "Date", Iso(date), $"{day} {HijriMonthName(month)} {hy} AH ({English(date)})") { Date = date };
                return hit;
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        var resolvedYear = year ?? reference?.Year;
        if (resolvedYear is { } y)
        {
            if (day > DateTime.DaysInMonth(y, month))
            {
                return null;
            }

            var date = new DateOnly(y, month, day);
            return new Hit(start, end, 0, "Date", Iso(date), year is null ? $"{day} {MonthName(month)}" : English(date))
            {
                Date = year is null ? null : date,
                Shift = year is null ? offset => MakeDate(start, end, calendar, ShiftYear(month, offset, reference), month, day, reference)! : null,
            };
        }

        return new Hit(start, end, 0, "Date", $"--{month:00}-{day:00}", $"{day} {MonthName(month)}")
        {
            Shift = _ => new Hit(start, end, 0, "Date", $"--{month:00}-{day:00}", $"{day} {MonthName(month)}"),
        };
    }

    /// <summary>ديسمبر 2018, October 9, 2024, March, آذار المقبل.</summary>
    static Hit? TryMonthLed(DocumentContext ctx, int i, LexMatch month, DateOnly? reference)
    {
        var monthIndex = (int)month.Entry.Number;
        var calendar = month.Entry.Code!;
        var end = month.End;

        // English "October 9, 2024" / "October 9".
        if (ctx.Tokens[i].IsLatin && Day(ctx, end) is { } day)
        {
            var dayEnd = end + 1;
            int? year = null;
            if (ctx.IsPunct(dayEnd, ',') && Year(ctx, dayEnd + 1, false) is { } y1)
            {
                year = y1;
                dayEnd += 2;
            }
            else if (Year(ctx, dayEnd, false) is { } y2)
            {
                year = y2;
                dayEnd++;
            }

            return MakeDate(i, dayEnd, calendar, year, monthIndex, day, reference) is { } d ? d with { Prefix = month.SpanPrefix } : null;
        }

        var (marker, markerEnd) = Marker(ctx, end + 1);
        if (Year(ctx, end, calendar == "hijri" || marker == "hijri") is { } year2)
        {
            var stop = marker is not null ? markerEnd : end + 1;
            if (calendar == "hijri" || marker == "hijri")
            {
                return new Hit(i, stop, month.SpanPrefix, "Date", null, $"{HijriMonthName(monthIndex)} {year2} AH");
            }

            return new Hit(i, stop, month.SpanPrefix, "Date", $"{year2}-{monthIndex:00}", $"{MonthName(monthIndex)} {year2}");
        }

        if (month.Entry.Ambiguous)
        {
            return null;
        }

        if (calendar == "hijri")
        {
            return new Hit(i, end, month.SpanPrefix, "Date", null, HijriMonthName(monthIndex));
        }

        return MonthAlone(i, end, month.SpanPrefix, monthIndex, 0, reference);
    }

    static Hit MonthAlone(int start, int end, int prefix, int month, int offset, DateOnly? reference)
    {
        var year = offset == 0 ? reference?.Year : ShiftYear(month, offset, reference);
        var value = year is { } y ? $"{y}-{month:00}" : $"--{month:00}";
        return new Hit(start, end, prefix, "Date", value, year is { } yy ? $"{MonthName(month)} {yy}" : MonthName(month))
        {
            Shift = o => MonthAlone(start, end, prefix, month, o, reference),
        };
    }

    /// <summary>29/3/2024, 2024-03-29, 29.03.2024 (day first unless impossible).</summary>
    static Hit? TryNumericDate(DocumentContext ctx, int i)
    {
        int a, b, c, end;
        var token = ctx.Tokens[i];
        if (token.Folded.Count(ch => ch == '.') == 2)
        {
            var parts = token.Folded.Split('.');
            if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out a) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out b) || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out c))
            {
                return null;
            }

            end = i + 1;
        }
        else
        {
            if (i + 4 >= ctx.Count || !ctx.IsNumber(i + 2) || !ctx.IsNumber(i + 4))
            {
                return null;
            }

            var sep = ctx.Tokens[i + 1];
            if (sep.Kind != TokenKind.Punct || sep.Folded is not ("/" or "-") || !ctx.Tokens[i + 3].IsPunct(sep.Folded[0])
                || !ctx.Adjacent(i, i + 1) || !ctx.Adjacent(i + 1, i + 2) || !ctx.Adjacent(i + 2, i + 3) || !ctx.Adjacent(i + 3, i + 4))
            {
                return null;
            }

            if (!int.TryParse(token.Folded, CultureInfo.InvariantCulture, out a) || !int.TryParse(ctx.Tokens[i + 2].Folded, CultureInfo.InvariantCulture, out b)
                || !int.TryParse(ctx.Tokens[i + 4].Folded, CultureInfo.InvariantCulture, out c))
            {
                return null;
            }

            end = i + 5;
        }

        int year, month, day;
        if (a > 999)
        {
            (year, month, day) = (a, b, c);
        }
        else if (c > 999)
        {
            year = c;
            (day, month) = b > 12 && a <= 12 ? (b, a) : (a, b);
        }
        else
        {
            return null;
        }

        if (year is < 1300 or > 2100 || month is < 1 or > 12 || day < 1)
        {
            return null;
        }

        if (year < 1600)
        {
            return MakeDate(i, end, "hijri", year, month, day, null);
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        return new Hit(i, end, 0, "Date", Iso(date), English(date)) { Date = date };
    }

    // ---- weekdays, parts of years, relative dates -------------------------------------------------

    /// <summary>[يوم] الأحد [،] [14 كانون الثاني 2024] [المقبل]; Sunday 14 January 2024; Tuesday.</summary>
    static Hit? TryWeekday(DocumentContext ctx, int i)
    {
        var start = i;
        var prefix = 0;
        if (ctx.FindWhole(i, LexKind.DayWord) is not null || ctx.Find(i, LexKind.DayWord) is { End: var e } dw && e == i + 1 && dw.HasProclitic)
        {
            prefix = ctx.Find(i, LexKind.DayWord)!.Value.SpanPrefix;
            i++;
        }

        if (ctx.Find(i, LexKind.Weekday) is not { } weekday || weekday.End != i + 1)
        {
            return null;
        }

        var token = ctx.Tokens[i];
        if (token.IsLatin && !token.IsCapitalized)
        {
            return null;
        }

        if (start == i)
        {
            prefix = weekday.SpanPrefix;
        }

        var j = i + 1;
        if (ctx.IsPunct(j, '،') || ctx.IsPunct(j, ','))
        {
            j++;
        }

        if (TryAbsolute(ctx, j, ctx.ReferenceDate) is { } date && date.Sub == "Date" && date.Value is not null && date.Value.Length >= 10)
        {
            return date with { Start = start, Prefix = prefix };
        }

        // الأحد / الاثنين are also "one" / "both": they need يوم, a date or a modifier.
        var needsCue = token.IsArabic && weekday.Entry.Number is 1 or 7;
        var hasModifier = ctx.Find(i + 1, LexKind.ModifierAfter, exact: true) is not null;
        if (needsCue && start == i && !hasModifier && !(i > 0 && ctx.Has(i - 1, LexKind.DayRelative)))
        {
            return null;
        }

        var iso = (int)weekday.Entry.Number;
        return WeekdayHit(start, i + 1, prefix, iso, 0, ctx.ReferenceDate);
    }

    static Hit WeekdayHit(int start, int end, int prefix, int isoDay, int offset, DateOnly? reference)
    {
        var name = DayNames[isoDay % 7];
        if (reference is not { } r)
        {
            return new Hit(start, end, prefix, "Date", null, name) { Shift = o => WeekdayHit(start, end, prefix, isoDay, o, reference) };
        }

        var refIso = r.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)r.DayOfWeek;
        var delta = isoDay - refIso;
        var days = offset switch
        {
            > 0 => delta <= 0 ? delta + 7 : delta,
            < 0 => delta >= 0 ? delta - 7 : delta,
            _ => delta > 0 ? delta - 7 : delta,
        };
        var date = r.AddDays(days);
        return new Hit(start, end, prefix, "Date", Iso(date), $"{name} {English(date)}")
        {
            Shift = o => WeekdayHit(start, end, prefix, isoDay, o, reference),
        };
    }

    /// <summary>الربع الأول من عام 2026, first half of 2024.</summary>
    static Hit? TryYearPart(DocumentContext ctx, int i)
    {
        if (ctx.Find(i, LexKind.YearPart) is not { } part)
        {
            return null;
        }

        var j = part.End;
        if (ctx.Tokens.Count > j && ctx.Tokens[j].Folded is "من" or "of")
        {
            j++;
        }

        if (ctx.FindWhole(j, LexKind.YearWord) is not null || ctx.Find(j, LexKind.YearWord) is { HasProclitic: true })
        {
            j++;
        }

        if (Year(ctx, j, false) is not { } year)
        {
            return null;
        }

        var (from, to) = part.Entry.Code switch
        {
            "H1" => (1, 6),
            "H2" => (7, 12),
            "Q1" => (1, 3),
            "Q2" => (4, 6),
            "Q3" => (7, 9),
            _ => (10, 12),
        };
        var first = new DateOnly(year, from, 1);
        var last = new DateOnly(year, to, DateTime.DaysInMonth(year, to));
        return new Hit(i, j + 1, part.SpanPrefix, "DateRange", $"{Iso(first)}/{Iso(last)}", $"{part.Entry.Code} {year}");
    }

    static Hit? TryRelative(DocumentContext ctx, int i)
    {
        var reference = ctx.ReferenceDate;
        if (ctx.Find(i, LexKind.DayRelative) is { } day)
        {
            var token = ctx.Tokens[i];
            if (token.IsLatin && day.Entry.IsLatin is false)
            {
                return null;
            }

            var offset = (int)day.Entry.Number;
            var value = reference is { } r ? Iso(r.AddDays(offset)) : null;
            var english = day.Entry.IsLatin ? day.Entry.Surface : offset switch { 0 => "today", -1 => "yesterday", 1 => "tomorrow", _ => null };
            var hit = new Hit(i, day.End, day.SpanPrefix, "Date", value, english);

            // اليوم الأحد: today, named.
            if (ctx.Find(day.End, LexKind.Weekday) is { } wd && wd.End == day.End + 1)
            {
                hit = hit with { End = wd.End };
            }

            return hit;
        }

        // هذا العام, next month, this year, last week, next Friday, last March.
        if (ctx.FindWhole(i, LexKind.ModifierBefore) is { } before)
        {
            var offset = (int)before.Entry.Number;
            var j = i + 1;
            if (ctx.FindWhole(j, LexKind.RelativeUnit) is { } unit && (ctx.Tokens[i].IsLatin == ctx.Tokens[j].IsLatin))
            {
                return UnitHit(i, j + 1, 0, unit.Entry.Code!, offset, reference);
            }

            if (ctx.Tokens[i].IsLatin && ctx.FindWhole(j, LexKind.Weekday) is { } weekday && ctx.Tokens[j].IsCapitalized)
            {
                return WeekdayHit(i, j + 1, 0, (int)weekday.Entry.Number, offset == 0 ? 1 : offset, reference);
            }

            if (ctx.Tokens[i].IsLatin && MonthAt(ctx, j) is { } month)
            {
                return MonthAlone(i, month.End, 0, (int)month.Entry.Number, offset == 0 ? 0 : offset, reference);
            }

            return null;
        }

        // العام المقبل, الشهر الماضي, للعام المقبل, العام الدراسي الحالي (one adjective between).
        if (ctx.Find(i, LexKind.RelativeUnit) is { } relUnit && relUnit.End == i + 1 && ctx.Tokens[i].IsArabic)
        {
            var m = i + 1;
            if (m < ctx.Count && ctx.Tokens[m].IsArabic && ctx.Tokens[m].Folded.StartsWith("ال", StringComparison.Ordinal) && ctx.Tokens[m].Folded.EndsWith('ي')
                && ctx.FindWhole(m, LexKind.ModifierAfter) is null)
            {
                m++;
            }

            if (ctx.FindWhole(m, LexKind.ModifierAfter) is { } after)
            {
                return UnitHit(i, m + 1, relUnit.SpanPrefix, relUnit.Entry.Code!, (int)after.Entry.Number, reference);
            }
        }

        return null;
    }

    static Hit UnitHit(int start, int end, int prefix, string unit, int offset, DateOnly? reference)
    {
        if (reference is not { } r)
        {
            return new Hit(start, end, prefix, "Date", null, null);
        }

        return unit switch
        {
            "Y" => new Hit(start, end, prefix, "Date", (r.Year + offset).ToString(CultureInfo.InvariantCulture), (r.Year + offset).ToString(CultureInfo.InvariantCulture)),
            "M" => MonthValue(start, end, prefix, r.AddMonths(offset)),
            "W" => WeekValue(start, end, prefix, r.AddDays(7 * offset)),
            _ => new Hit(start, end, prefix, "Date", Iso(r.AddDays(offset)), English(r.AddDays(offset))),
        };
    }

    static Hit MonthValue(int start, int end, int prefix, DateOnly d) =>
        new(start, end, prefix, "Date", $"{d.Year}-{d.Month:00}", $"{MonthName(d.Month)} {d.Year}");

    static Hit WeekValue(int start, int end, int prefix, DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        var week = ISOWeek.GetWeekOfYear(dt);
        var year = ISOWeek.GetYear(dt);
        return new Hit(start, end, prefix, "Date", $"{year}-W{week:00}", $"week {week} of {year}");
    }

    // ---- durations and sets ------------------------------------------------------------------------

    static Hit? TryDuration(DocumentContext ctx, int i)
    {
        var token = ctx.Tokens[i];

        // three-year, 5-day (one hyphenated Latin token).
        var word = token.Folded;
        if (token.IsLatin && word.IndexOf('-') is var dash and >= 0 && word.IndexOf('-', dash + 1) < 0
            && NumberReader.EnglishCount(word[..dash]) is { } n && Unit(word[(dash + 1)..]) is { } hyphenUnit)
        {
            return new Hit(i, i + 1, 0, "Duration", Duration(n, hyphenUnit), $"{NumberReader.Format(n)} {hyphenUnit}");
        }

        // عامين, سنتين, العامين المقبلين.
        if (ctx.Find(i, LexKind.DualUnit) is { } dual && dual.End == i + 1)
        {
            return new Hit(i, i + 1, dual.SpanPrefix, "Duration", Duration(2, dual.Entry.Code!), null);
        }

        // السنوات الخمس (المقبلة).
        if (ctx.Find(i, LexKind.DurationUnit) is { } unitFirst && unitFirst.End == i + 1 && token.IsArabic
            && ctx.Tokens[i].Variants.Any(v => v.HasArticle) && ctx.Find(i + 1, LexKind.Cardinal) is { } trailing && trailing.End == i + 2
            && ctx.Tokens[i + 1].Folded.StartsWith("ال", StringComparison.Ordinal))
        {
            return new Hit(i, i + 2, unitFirst.SpanPrefix, "Duration", Duration(trailing.Entry.Number, unitFirst.Entry.Code!), null);
        }

        if (NumberReader.Read(ctx, i, allowOrdinal: false) is not { } number || number.Value <= 0)
        {
            return null;
        }

        var u = ctx.FindWhole(number.End, LexKind.DurationUnit);
        if (u is null || ctx.Tokens[number.End].IsLatin != (token.IsLatin || token.Kind == TokenKind.Number && ctx.Tokens[number.End].IsLatin))
        {
            return null;
        }

        return new Hit(i, number.End + 1, number.Prefix, "Duration", Duration(number.Value, u.Value.Entry.Code!), null);
    }

    static string? Unit(string word) => word switch
    {
        "year" or "years" => "Y",
        "month" or "months" => "M",
        "week" or "weeks" => "W",
        "day" or "days" => "D",
        "hour" or "hours" => "H",
        _ => null,
    };

    static string Duration(decimal n, string unit) => unit switch
    {
        "H" => $"PT{NumberReader.Format(n)}H",
        "MIN" => $"PT{NumberReader.Format(n)}M",
        "DEC" => $"P{NumberReader.Format(n * 10)}Y",
        _ => $"P{NumberReader.Format(n)}{unit}",
    };

    static Hit? TrySet(DocumentContext ctx, int i)
    {
        if (ctx.Find(i, LexKind.SetWord) is not { } set)
        {
            return null;
        }

        return new Hit(i, set.End, set.SpanPrefix, "Set", set.Entry.Code, set.Entry.Code switch
        {
            "R/P1Y" => "annually",
            "R/P1M" => "monthly",
            "R/P1W" => "weekly",
            _ => "daily",
        });
    }

    // ---- extension, output -------------------------------------------------------------------------

    /// <summary>Adds a following المقبل/الماضي (shifting month and weekday values) and a leading "شهر".</summary>
    static Hit Extend(DocumentContext ctx, Hit hit)
    {
        if (hit.End < ctx.Count && ctx.FindWhole(hit.End, LexKind.ModifierAfter) is { } after && ctx.Tokens[hit.End].IsArabic)
        {
            var shifted = hit.Shift is { } shift ? shift((int)after.Entry.Number) with { Start = hit.Start, Prefix = hit.Prefix } : hit;
            hit = shifted with { End = hit.End + 1 };
        }

        if (hit.Start > 0 && ctx.Find(hit.Start - 1, LexKind.MonthWord) is { } monthWord && monthWord.End == hit.Start && hit.Prefix == 0
            && MonthAt(ctx, hit.Start) is not null)
        {
            hit = hit with { Start = hit.Start - 1, Prefix = monthWord.SpanPrefix };
        }

        return WithDayPart(ctx, hit);
    }

    static readonly HashSet<string> ArabicDayParts = new(StringComparer.Ordinal) { ArabicFolding.Fold("صباح"), ArabicFolding.Fold("مساء"), ArabicFolding.Fold("ظهر"), ArabicFolding.Fold("فجر"), ArabicFolding.Fold("ليلة") };

    static readonly HashSet<string> EnglishDayParts = new(StringComparer.Ordinal) { "morning", "afternoon", "evening", "night" };

    /// <summary>
    /// A part of the day belongs to a day named by a weekday or a relative day: "صباح اليوم", "مساء أمس", "Friday
    /// evening". The value stays the day's.
    /// </summary>
    static Hit WithDayPart(DocumentContext ctx, Hit hit)
    {
        var day = hit.Sub == "Date" && (ctx.Has(hit.End - 1, LexKind.Weekday) || ctx.Has(hit.End - 1, LexKind.DayRelative));
        if (!day)
        {
            return hit;
        }

        if (hit.Start > 0 && hit.Prefix == 0 && ctx.IsWord(hit.Start - 1) && !ctx.Claimed[hit.Start - 1])
        {
            var before = ctx.Tokens[hit.Start - 1];
            var stem = before.Variants.FirstOrDefault(v => v.HasProclitic && !v.HasArticle).Stem;
            if (before.IsArabic && (ArabicDayParts.Contains(before.Folded) || stem is not null && ArabicDayParts.Contains(stem)))
            {
                var prefix = ArabicDayParts.Contains(before.Folded) ? 0 : before.Variants.First(v => v.Stem == stem).SpanPrefix;
                return hit with { Start = hit.Start - 1, Prefix = prefix };
            }
        }

        if (hit.End < ctx.Count && ctx.Tokens[hit.End] is { IsLatin: true } after && EnglishDayParts.Contains(after.Folded))
        {
            return hit with { End = hit.End + 1 };
        }

        return hit;
    }

    static void Add(DocumentContext ctx, Hit hit)
    {
        var start = ctx.StartAfterProclitic(hit.Start, hit.Prefix);
        var end = ctx.Tokens[hit.End - 1].End;
        var text = ctx.Slice(start, end);
        ctx.Candidates.Add(new Candidate
        {
            Start = start,
            End = end,
            Category = Category,
            Subcategory = hit.Sub,
            Confidence = hit.Value is null ? 0.7 : 0.9,
            Value = hit.Value,
            English = hit.English ?? hit.Value,
            Key = EntityKeys.Make(Category, hit.Value ?? hit.English ?? Romanizer.RomanizePhrase(ArabicFolding.FoldPhrase(text).Split(' '))),
            Priority = Priorities.Temporal,
            FirstToken = hit.Start,
            EndToken = hit.End,
        });
        ctx.Claim(hit.Start, hit.End);
    }

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string English(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    static readonly string[] DayNames = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;

    static string MonthName(int month) => MonthNames[month - 1];

    static readonly string[] HijriMonths =
    [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
    ];

    static string HijriMonthName(int month) => HijriMonths[month - 1];
}
