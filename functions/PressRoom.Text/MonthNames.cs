namespace PressRoom.TextKernel;

/// <summary>
/// Month names as releases write them: Arabic Gregorian (Egypt/Gulf), Levantine/Iraqi (كانون الثاني …),
/// Maghrebi (جانفي …) and English, stored in <see cref="TextNormalizer"/> form so spelling variants
/// (أبريل/ابريل, همزة, تاء مربوطة) all match.
/// </summary>
public static class MonthNames
{
    static readonly string[][] ByMonth =
    [
        ["يناير", "كانون الثاني", "جانفي", "january", "jan"],
        ["فبراير", "شباط", "فيفري", "february", "feb"],
        ["مارس", "آذار", "march", "mar"],
        ["أبريل", "إبريل", "نيسان", "أفريل", "april", "apr"],
        ["مايو", "أيار", "ماي", "may"],
        ["يونيو", "يونيه", "حزيران", "جوان", "june", "jun"],
        ["يوليو", "يوليه", "تموز", "جويلية", "july", "jul"],
        ["أغسطس", "آب", "أوت", "august", "aug"],
        ["سبتمبر", "أيلول", "september", "sept", "sep"],
        ["أكتوبر", "تشرين الأول", "october", "oct"],
        ["نوفمبر", "تشرين الثاني", "november", "nov"],
        ["ديسمبر", "كانون الأول", "december", "dec"],
    ];

    /// <summary>Normalized name → month number (1–12).</summary>
    public static IReadOnlyDictionary<string, int> Lookup { get; } = BuildLookup();

    /// <summary>Every normalized name, longest first, for a regex alternation.</summary>
    public static IReadOnlyList<string> NamesLongestFirst { get; } = [.. Lookup.Keys.OrderByDescending(k => k.Length)];

    static Dictionary<string, int> BuildLookup()
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int month = 0; month < ByMonth.Length; month++)
        {
            foreach (var name in ByMonth[month])
            {
                lookup[TextNormalizer.Normalize(name)] = month + 1;
            }
        }

        return lookup;
    }
}
