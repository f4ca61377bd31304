using System.Globalization;
using System.Text;

namespace PressRoom.Pipeline.Storage;

/// <summary>The verdict on a blob name: valid, or why not (a sentence for people).</summary>
public sealed record BlobNameCheck(bool IsValid, string? Problem)
{
    public static readonly BlobNameCheck Valid = new(true, null);

    public static BlobNameCheck Invalid(string problem) => new(false, problem);
}

/// <summary>
/// The one rule for release blob names, applied at every entry (HTTP upload, CLI upload, blob watcher, Event Grid
/// trigger). It accepts what Azure Storage accepts — 1 to 1,024 characters, at most 254 path segments, any script —
/// and refuses what breaks tools or is not what it looks like: noncharacters (U+FFFE broke Azurite's container
/// listing for every later release), lone surrogates, control characters, bidirectional controls (U+202E makes
/// "exe.txt" look like "txt.exe"), zero-width characters, and names the storage SDK would rewrite into another name
/// (<c>a/../b.txt</c>, <c>./a</c>, empty segments, trailing dots or slashes, backslashes), which then 404 forever.
/// </summary>
public static class BlobNameRules
{
    public const int MaxLength = 1024;
    public const int MaxSegments = 254;

    public static BlobNameCheck Check(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return BlobNameCheck.Invalid("The file name is empty.");
        }

        if (name.Length > MaxLength)
        {
            return BlobNameCheck.Invalid($"The file name has {name.Length:N0} characters; storage allows at most {MaxLength:N0}.");
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (ProblemAt(name, i) is { } problem)
            {
                return BlobNameCheck.Invalid($"The file name contains {problem} at position {i + 1}, which PressRoom does not accept in names.");
            }
        }

        if (name.Contains('\\', StringComparison.Ordinal))
        {
            return BlobNameCheck.Invalid("The file name contains a backslash, which storage tools turn into a folder separator.");
        }

        if (name.EndsWith('.') || name.EndsWith('/'))
        {
            return BlobNameCheck.Invalid("The file name ends with a dot or a slash, which storage strips or rewrites.");
        }

        var segments = name.Split('/');
        if (segments.Length > MaxSegments)
        {
            return BlobNameCheck.Invalid($"The file name has {segments.Length:N0} folder levels; storage allows at most {MaxSegments}.");
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.EndsWith('.'))
            {
                return BlobNameCheck.Invalid("The file name has an empty, '.' or '..' folder part (or one ending in a dot), which storage rewrites into another name.");
            }
        }

        return BlobNameCheck.Valid;
    }

    public static bool IsValid(string? name) => Check(name).IsValid;

    /// <summary>A description of the character at <paramref name="index"/> if it is refused, else null.</summary>
    static string? ProblemAt(string name, int index)
    {
        char c = name[index];
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 >= name.Length || !char.IsLowSurrogate(name[index + 1]))
            {
                return "a broken (unpaired) UTF-16 character";
            }

            int scalar = char.ConvertToUtf32(c, name[index + 1]);
            return (scalar & 0xFFFE) == 0xFFFE ? Describe("a Unicode noncharacter", scalar) : null;
        }

        if (char.IsLowSurrogate(c))
        {
            return index > 0 && char.IsHighSurrogate(name[index - 1]) ? null : "a broken (unpaired) UTF-16 character";
        }

        return c switch
        {
            _ when char.IsControl(c) => Describe("a control character", c),
            >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF' => Describe("a Unicode noncharacter", c),
            '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => Describe("a bidirectional control", c),
            '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E' => Describe("a zero-width character", c),
            _ => null,
        };
    }

    static string Describe(string what, int scalar) => string.Create(CultureInfo.InvariantCulture, $"{what} (U+{scalar:X4})");

    /// <summary>A name safe to print in a log line or message: refused characters shown as U+XXXX.</summary>
    public static string Printable(string? name)
    {
        if (name is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length);
        for (int i = 0; i < name.Length; i++)
        {
            if (ProblemAt(name, i) is null)
            {
                builder.Append(name[i]);
                if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length)
                {
                    builder.Append(name[++i]);
                }
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"<U+{(int)name[i]:X4}>");
            }
        }

        return builder.ToString();
    }
}
