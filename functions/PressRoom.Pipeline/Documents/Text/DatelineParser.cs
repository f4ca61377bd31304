using System.Globalization;
using System.Text.RegularExpressions;

namespace PressRoom.Pipeline.Documents;

/// <summary>
/// Finds the dateline that opens a release — "الدوحة – المكتب الإعلامي - 29 مارس", "الرياض في ٣ آذار ٢٠٢٤ (واس) -",
/// "DOHA, March 29 (QNA) –" — and splits it into place, source (agency) and date: the date as written, and resolved
/// to a calendar date. A date without a year is taken as the latest such day not more than a month after the reference.
/// </summary>
public static partial class DatelineParser
{
    /// <summary>A dateline is short; a longer opening paragraph is searched only up to its first dash or colon.</summary>
    const int MaxDatelineLength = 120;

    static readonly string[] Weekdays =
    [
        "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
    ];

    static readonly HashSet<string> NormalizedWeekdays = new(Weekdays.Select(TextNormalizer.Normalize), StringComparer.Ordinal);

    static readonly string MonthPattern = string.Join('|', MonthNames.NamesLongestFirst.Select(Regex.Escape));

    static readonly Regex DayMonthYear = new(
        $@"(?<!\d)(?<day>\d{{1,2}})\s*(?:من\s+)?(?<month>{MonthPattern})(?![\p{{L}}])(?:\s*[,،]?\s*(?<year>\d{{4}})(?!\d)(?:\s*م(?![\p{{L}}]))?)?",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    static readonly Regex MonthDayYear = new(
        $@"(?<![\p{{L}}])(?<month>{MonthPattern})\.?\s+(?<day>\d{{1,2}})(?!\d)(?:\s*[,،]?\s*(?<year>\d{{4}})(?!\d))?",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The dateline among the first body paragraphs of a release, or null.</summary>
    public static Dateline? Find(IReadOnlyList<string> paragraphs, DateOnly reference)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        for (int i = 0; i < Math.Min(paragraphs.Count, 3); i++)
        {
            var dateline = Parse(paragraphs[i], reference);
            if (dateline is not null)
            {
                return dateline;
            }
        }

        return null;
    }

    /// <summary>Parses one line (or the opening of a paragraph) as a dateline; null when it is not one.</summary>
    public static Dateline? Parse(string line, DateOnly reference)
    {
        ArgumentNullException.ThrowIfNull(line);
        var candidate = line.Trim();
        bool wholeLine = candidate.Length <= MaxDatelineLength;
        if (!wholeLine)
        {
            var opening = OpeningSeparator().Match(candidate[..MaxDatelineLength]);
            if (!opening.Success)
            {
                return null;
            }

            candidate = candidate[..opening.Index].Trim();
        }

        var normalized = TextNormalizer.NormalizeWithOffsets(candidate);
        var match = DayMonthYear.Match(normalized.Text);
        if (!match.Success)
        {
            match = MonthDayYear.Match(normalized.Text);
        }

        string rest = candidate;
        string? dateText = null;
        DateOnly? date = null;
        if (match.Success)
        {
            var span = normalized.ToSource(new TextSpan(match.Index, match.Length), candidate);
            dateText = span.Of(candidate).Trim();
            rest = string.Concat(candidate.AsSpan(0, span.Start), " - ", candidate.AsSpan(span.End));
            date = Resolve(match, reference);
        }

        string? source = null;
        var agency = Agency().Match(rest);
        if (agency.Success)
        {
            source = agency.Groups["paren"].Success ? agency.Groups["paren"].Value.Trim() : agency.Groups["slash"].Value.Trim();
            rest = rest.Remove(agency.Index, agency.Length).Insert(agency.Index, " - ");
        }

        var parts = Separators().Split(rest)
            .Select(p => p.Trim(' ', '\u00A0', '.', ':'))
            .Where(p => p.Length > 0 && !NormalizedWeekdays.Contains(TextNormalizer.Normalize(p)))
            .ToList();

        string? place = parts.Count > 0 && IsShortName(parts[0], maxWords: 3) ? parts[0] : null;
        if (source is null && parts.Count > 1 && IsShortName(parts[1], maxWords: 5))
        {
            source = parts[1];
        }

        // Without a date, only a short "place – source" line is a dateline; anything else is ordinary text.
        bool isDateline = date is not null && (place is not null || wholeLine)
            || dateText is null && wholeLine && candidate.Length <= 60 && place is not null && source is not null && parts.Count == 2;
        return isDateline ? new Dateline(place, source, dateText, date) : null;
    }

    static DateOnly? Resolve(Match match, DateOnly reference)
    {
        int day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        int month = MonthNames.Lookup[match.Groups["month"].Value];
        if (match.Groups["year"].Success)
        {
            int year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            return IsValid(year, month, day) ? new DateOnly(year, month, day) : null;
        }

        // A release dated "29 March" was written on the last 29 March, unless that is more than a month ahead of the reference.
        int guess = reference.Year;
        if (IsValid(guess, month, day) && new DateOnly(guess, month, day) > reference.AddMonths(1))
        {
            guess--;
        }

        return IsValid(guess, month, day) ? new DateOnly(guess, month, day) : null;
    }

    static bool IsValid(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    static bool IsShortName(string part, int maxWords) => part.Length <= 40 && part.Count(c => c == ' ') < maxWords && part.Any(char.IsLetter);

    [GeneratedRegex(@"\s[-–—]\s|:\s|\s[-–—](?=\S)|(?<=\S)[-–—]\s")]
    private static partial Regex OpeningSeparator();

    [GeneratedRegex(@"\s+[-–—]+\s*|\s*[-–—]+\s+|\s*[|،,]\s*|\s+في\s+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\((?<paren>[^()]{2,40})\)|/(?<slash>[^/]{2,30})/")]
    private static partial Regex Agency();
}
