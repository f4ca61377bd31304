using System.Text;

namespace PressRoom.TextKernel;

/// <summary>
/// Name normalization and stable cross-release keys (<c>category:slug</c>, the builtin provider's shape).
/// Arabic is folded the usual way for matching: diacritics and tatweel dropped, alef forms unified, ى→ي, ة→ه,
/// Arabic-Indic digits to ASCII. English is lower-cased and loses a leading "the".
/// </summary>
public static class EntityNames
{
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F':
                case '\u0670':
                case '\u0640':
                    continue;
                case 'أ' or 'إ' or 'آ' or 'ٱ':
                    builder.Append('ا');
                    break;
                case 'ى':
                    builder.Append('ي');
                    break;
                case 'ة':
                    builder.Append('ه');
                    break;
                case >= '\u0660' and <= '\u0669':
                    builder.Append((char)('0' + (c - '\u0660')));
                    break;
                case >= '\u06F0' and <= '\u06F9':
                    builder.Append((char)('0' + (c - '\u06F0')));
                    break;
                default:
                    builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
                    break;
            }
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    /// <summary>A stable key such as <c>organization:united-nations</c>; quantities and dates key on their normalized value.</summary>
    public static string Key(string category, string name)
    {
        var slug = Normalize(name).Replace(' ', '-');
        return $"{category.ToLowerInvariant()}:{(slug.Length == 0 ? "unnamed" : slug)}";
    }
}
