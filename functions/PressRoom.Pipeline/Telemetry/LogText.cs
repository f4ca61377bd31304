using System.Globalization;
using System.Text;

namespace PressRoom.Pipeline.Telemetry;

/// <summary>
/// Makes untrusted text (file names, reasons, headers) safe for a terminal log: control characters (a carriage return
/// that overwrites a line, ESC sequences that recolour or retitle the terminal), bidi overrides that reorder what a
/// reader sees, line separators and noncharacters become visible escapes such as <c>\r</c> or <c>\u001B</c>.
/// </summary>
public static class LogText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    public static void Append(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (!NeedsEscape(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\r' => @"\r",
                '\n' => @"\n",
                '\t' => @"\t",
                _ => @"\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
    }

    static bool NeedsEscape(char c) =>
        c < ' ' || (c >= '\u007F' && c <= '\u009F')
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
