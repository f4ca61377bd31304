namespace PressRoom.TextKernel;

/// <summary>
/// Search tokens of names, so "الأنصاري", "الانصارى" and "انصاري" meet, and "Al-Ansari" meets "al ansari"
/// (folding: <see cref="FoldProfile.Search"/>).
/// </summary>
public static class NameNormalizer
{
    /// <summary>Tokens shorter than this are not indexed (single letters match everything).</summary>
    public const int MinTokenLength = 2;

    /// <summary>The search form of a name: <see cref="ArabicFolding.FoldWords"/> in <see cref="FoldProfile.Search"/>.</summary>
    public static string Normalize(string value) => ArabicFolding.FoldWords(value, FoldProfile.Search);

    /// <summary>
    /// Search tokens of a name. An Arabic word is also indexed without its attached article or particle
    /// ("الأنصاري" → "انصاري", "لمكافحة" → "مكافحه", "للتنمية" → "تنميه"), so a search by the bare word finds it.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var tokens = new List<string>();
        foreach (var token in Normalize(value).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length < MinTokenLength || !token.Any(char.IsLetter))
            {
                continue;
            }

            tokens.Add(token);
            var bare = token;
            foreach (var prefix in (string[])["لل", "ل", "و", "ب", "ف"])
            {
                // Particles only on longer words: a short name starting with one of these letters stays whole.
                if (bare.StartsWith(prefix, StringComparison.Ordinal) && bare.Length - prefix.Length >= 4)
                {
                    bare = bare[prefix.Length..];
                    tokens.Add(bare);
                    break;
                }
            }

            if (bare.StartsWith("ال", StringComparison.Ordinal) && bare.Length - 2 >= MinTokenLength)
            {
                tokens.Add(bare[2..]);
            }
        }

        return tokens.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when every token of the query is a prefix of some token of the name.</summary>
    public static bool Matches(IReadOnlyList<string> queryTokens, IEnumerable<string?> names)
    {
        var nameTokens = names.SelectMany(Tokens).ToList();
        return queryTokens.All(q => nameTokens.Any(t => t.StartsWith(q, StringComparison.Ordinal)));
    }
}
