using System.Text;

namespace PressRoom.Pipeline.Entities.EnglishNames;

/// <summary>
/// Exact comparison of English names as the gold list is scored: case, hyphens, a leading "the" and British/American
/// spelling (centre/center, programme/program, organisation/organization, defence/defense, labour/labor) are ignored;
/// every other word must match.
/// </summary>
internal static class NameMatch
{
    static readonly Dictionary<string, string> American = new(StringComparer.Ordinal)
    {
        ["centre"] = "center", ["programme"] = "program", ["defence"] = "defense", ["labour"] = "labor",
        ["organisation"] = "organization", ["organisations"] = "organizations", ["favour"] = "favor",
        ["honour"] = "honor", ["licence"] = "license", ["catalogue"] = "catalog", ["dialogue"] = "dialog",
    };

    public static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => American.GetValueOrDefault(w, w.EndsWith("isation", StringComparison.Ordinal) ? w[..^7] + "ization" : w))
            .ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }
}
