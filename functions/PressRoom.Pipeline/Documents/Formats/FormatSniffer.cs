namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>What the first bytes of a file say it is.</summary>
internal enum BinaryKind
{
    Text,
    Pdf,
    Zip,
    OleCompound,
    Rtf,
    Image,
    Archive,
    Executable,
}

/// <summary>What a text file is, by content first and extension second.</summary>
internal enum TextKind
{
    Plain,
    Markdown,
    Html,
    Email,
    Xml,
}

/// <summary>Recognises formats by content ("magic numbers" and markup), so a PDF named .txt is still a PDF.</summary>
internal static class FormatSniffer
{
    static readonly string[] EmailHeaders = ["from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path", "cc", "reply-to", "content-type"];

    public static BinaryKind SniffBytes(ReadOnlySpan<byte> bytes)
    {
        // PDF readers accept the header anywhere in the first kilobyte.
        if (bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return BinaryKind.Pdf;
        }

        return bytes switch
        {
            [0x50, 0x4B, 0x03 or 0x05 or 0x07, 0x04 or 0x06 or 0x08, ..] => BinaryKind.Zip,
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => BinaryKind.OleCompound,
            [(byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', ..] => BinaryKind.Rtf,
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] or [0xFF, 0xD8, 0xFF, ..] or [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..]
                or [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] or [(byte)'B', (byte)'M', _, _, _, _, 0, 0, ..]
                or [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => BinaryKind.Image,
            [0x1F, 0x8B, ..] or [(byte)'7', (byte)'z', 0xBC, 0xAF, ..] or [(byte)'R', (byte)'a', (byte)'r', (byte)'!', ..] or [(byte)'B', (byte)'Z', (byte)'h', ..] => BinaryKind.Archive,
            [(byte)'M', (byte)'Z', ..] or [0x7F, (byte)'E', (byte)'L', (byte)'F', ..] => BinaryKind.Executable,
            _ => BinaryKind.Text,
        };
    }

    public static TextKind SniffText(string text, string extension)
    {
        var start = text.AsSpan().TrimStart();
        var head = start[..Math.Min(start.Length, 4096)];
        if (LooksLikeEmail(text) || extension == "eml" && FirstLineIsHeader(text))
        {
            return TextKind.Email;
        }

        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<head", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<body", StringComparison.OrdinalIgnoreCase))
        {
            return TextKind.Html;
        }

        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<!--", StringComparison.Ordinal))
        {
            return head.Contains("<html", StringComparison.OrdinalIgnoreCase) ? TextKind.Html : head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) ? TextKind.Xml : TextKind.Plain;
        }

        if (head.StartsWith("<", StringComparison.Ordinal) && (extension is "html" or "htm" or "xhtml"
            || ContainsAny(head, "<p>", "<p ", "<div", "<h1", "<br", "<article", "<table")))
        {
            return TextKind.Html;
        }

        if (extension is "md" or "markdown" || head.StartsWith("# ", StringComparison.Ordinal) || head.StartsWith("## ", StringComparison.Ordinal))
        {
            return TextKind.Markdown;
        }

        return TextKind.Plain;
    }

    static bool ContainsAny(ReadOnlySpan<char> text, params string[] needles)
    {
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An RFC 5322 header block: at least two "Name: value" lines before the first blank line, one of them a mail header.</summary>
    static bool LooksLikeEmail(string text)
    {
        int headers = 0;
        bool known = false;
        int position = 0;
        for (int lineNumber = 0; lineNumber < 60 && position < text.Length; lineNumber++)
        {
            int end = text.IndexOf('\n', position);
            var line = (end < 0 ? text.AsSpan(position) : text.AsSpan(position, end - position)).TrimEnd('\r');
            position = end < 0 ? text.Length : end + 1;
            if (line.IsEmpty)
            {
                break;
            }

            if (line[0] is ' ' or '\t')
            {
                if (headers == 0)
                {
                    return false;
                }

                continue; // folded header
            }

            int colon = line.IndexOf(':');
            if (colon <= 0 || !IsHeaderName(line[..colon]))
            {
                return false;
            }

            headers++;
            known |= Array.IndexOf(EmailHeaders, line[..colon].ToString().ToLowerInvariant()) >= 0;
        }

        return headers >= 2 && known;
    }

    static bool FirstLineIsHeader(string text)
    {
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        var line = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        int colon = line.IndexOf(':');
        return colon > 0 && IsHeaderName(line[..colon]);
    }

    static bool IsHeaderName(ReadOnlySpan<char> name)
    {
        foreach (char c in name)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
