namespace PressRoom.TextKernel;

/// <summary>Calendar of a month name.</summary>
public enum MonthCalendar
{
    Gregorian,
    Hijri,
}

/// <summary>One spelling of a month: the name as releases write it, its number (1–12) and its English name.</summary>
public sealed record MonthName(string Name, int Month, MonthCalendar Calendar, string English);

/// <summary>
/// The one month table of PressRoom: every spelling the dateline parser and the entity recognizer accept.
/// Gregorian months as Egypt and the Gulf write them, the Levantine/Iraqi names (كانون الثاني …), the Maghrebi ones
/// (جانفي, يوليوز …), common variant spellings, English names and abbreviations; Hijri (Umm al-Qura) months.
/// Frozen here rather than read from ICU at run time, so every machine accepts the same names.
/// </summary>
public static class MonthNames
{
    static readonly string[] English =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    static readonly string[][] GregorianByMonth =
    [
        ["يناير", "كانون الثاني", "جانفي", "January", "Jan"],
        ["فبراير", "شباط", "فيفري", "February", "Feb"],
        ["مارس", "آذار", "March", "Mar"],
        ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "April", "Apr"],
        ["مايو", "أيار", "ماي", "May"],
        ["يونيو", "يونيه", "يونية", "حزيران", "جوان", "June", "Jun"],
        ["يوليو", "يوليه", "يولية", "تموز", "جويلية", "يوليوز", "July", "Jul"],
        ["أغسطس", "اغسطس", "أوغسطس", "آب", "أوت", "غشت", "August", "Aug"],
        ["سبتمبر", "أيلول", "شتنبر", "September", "Sept", "Sep"],
        ["أكتوبر", "تشرين الأول", "October", "Oct"],
        ["نوفمبر", "تشرين الثاني", "نونبر", "November", "Nov"],
        ["ديسمبر", "كانون الأول", "دجنبر", "December", "Dec"],
    ];

    static readonly (string English, string[] Names)[] HijriByMonth =
    [
        ("Muharram", ["محرم"]),
        ("Safar", ["صفر"]),
        ("Rabi al-Awwal", ["ربيع الأول"]),
        ("Rabi al-Thani", ["ربيع الآخر", "ربيع الثاني"]),
        ("Jumada al-Ula", ["جمادى الأولى", "جمادى الأول"]),
        ("Jumada al-Akhirah", ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"]),
        ("Rajab", ["رجب"]),
        ("Shaban", ["شعبان"]),
        ("Ramadan", ["رمضان"]),
        ("Shawwal", ["شوال"]),
        ("Dhu al-Qadah", ["ذو القعدة", "ذي القعدة"]),
        ("Dhu al-Hijjah", ["ذو الحجة", "ذي الحجة"]),
    ];

    /// <summary>Every spelling, Gregorian first.</summary>
    public static IReadOnlyList<MonthName> All { get; } = BuildAll();

    /// <summary>Gregorian names in <see cref="TextNormalizer"/> form → month number (1–12), for matching document text.</summary>
    public static IReadOnlyDictionary<string, int> Lookup { get; } = BuildLookup();

    /// <summary>Every Gregorian name in <see cref="TextNormalizer"/> form, longest first, for a regex alternation.</summary>
    public static IReadOnlyList<string> NamesLongestFirst { get; } = [.. Lookup.Keys.OrderByDescending(k => k.Length)];

    static List<MonthName> BuildAll()
    {
        var all = new List<MonthName>();
        for (int month = 0; month < GregorianByMonth.Length; month++)
        {
            all.AddRange(GregorianByMonth[month].Select(name => new MonthName(name, month + 1, MonthCalendar.Gregorian, English[month])));
        }

        for (int month = 0; month < HijriByMonth.Length; month++)
        {
            var (english, names) = HijriByMonth[month];
            all.AddRange(names.Select(name => new MonthName(name, month + 1, MonthCalendar.Hijri, english)));
        }

        return all;
    }

    static Dictionary<string, int> BuildLookup()
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in All.Where(m => m.Calendar == MonthCalendar.Gregorian))
        {
            lookup[TextNormalizer.Normalize(name.Name)] = name.Month;
        }

        return lookup;
    }
}
