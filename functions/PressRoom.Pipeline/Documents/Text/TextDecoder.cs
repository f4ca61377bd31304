using System.Text;

namespace PressRoom.Pipeline.Documents;

/// <summary>Bytes decoded as text, and the encoding that was recognised.</summary>
internal sealed record DecodedText(string Text, string Encoding);

/// <summary>
/// Recognises the encoding of a text file: a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without a mark,
/// strict UTF-8, and Windows-1256 (legacy Arabic Windows). Anything else — binary data, a file that mixes
/// encodings — is rejected rather than turned into mojibake.
/// </summary>
internal static class TextDecoder
{
    static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1256 comes from System.Text.Encoding.CodePages; .NET registers no code pages by default.</summary>
    static readonly Encoding Windows1256 = GetWindows1256();

    /// <summary>Share of non-ASCII characters that must be Arabic for bytes to pass as Windows-1256 (UTF-8 Arabic misread as 1256 scores about half).</summary>
    const double Windows1256ArabicShare = 0.9;

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(RequireText(Strict(StrictUtf8, bytes[3..], "UTF-8")), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(RequireText(Strict(StrictUtf16Le, bytes[2..], "UTF-16")), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(RequireText(Strict(StrictUtf16Be, bytes[2..], "UTF-16")), "utf-16be");
        }

        if (GuessUtf16WithoutMark(bytes) is bool bigEndian)
        {
            var text = Strict(bigEndian ? StrictUtf16Be : StrictUtf16Le, bytes, "UTF-16");
            return new(RequireText(text), bigEndian ? "utf-16be" : "utf-16le");
        }

        if (bytes.Contains((byte)0))
        {
            throw NotText();
        }

        int invalidAt = FirstInvalidUtf8(bytes);
        if (invalidAt < 0)
        {
            return new(RequireText(StrictUtf8.GetString(bytes)), "utf-8");
        }

        var legacy = Windows1256.GetString(bytes);
        if (!MixesUtf8(bytes) && LooksLikeArabic(legacy))
        {
            return new(RequireText(legacy), "windows-1256");
        }

        throw new DocumentRejectedException(
            RejectionReason.DecodingFailed,
            $"The text is not valid UTF-8 (the first bad byte is at offset {invalidAt:N0}) and does not read as Windows-1256 Arabic either; "
            + "it may mix encodings. Save it as UTF-8 and upload it again.");
    }

    static Encoding GetWindows1256()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentRejectedException(
                RejectionReason.DecodingFailed,
                $"The file says it is {name} but contains bytes that are not valid {name}; save it again as UTF-8 and re-upload.",
                ex);
        }
    }

    /// <summary>UTF-16 text of mostly one script has a constant high byte (0x00 for Latin, 0x06 for Arabic) on every other position. True = big-endian.</summary>
    static bool? GuessUtf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..(Math.Min(bytes.Length, 4096) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }

        int evenHigh = 0, oddHigh = 0, pairs = sample.Length / 2;
        for (int i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] is 0x00 or 0x06)
            {
                evenHigh++;
            }

            if (sample[i + 1] is 0x00 or 0x06)
            {
                oddHigh++;
            }
        }

        if (oddHigh > pairs * 0.6 && evenHigh < pairs * 0.1)
        {
            return false;
        }

        if (evenHigh > pairs * 0.6 && oddHigh < pairs * 0.1)
        {
            return true;
        }

        return null;
    }

    static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        var buffer = new char[Math.Min(Math.Max(bytes.Length, 16), 1 << 16)];
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[offset..], buffer, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            switch (status)
            {
                case System.Buffers.OperationStatus.Done:
                    return -1;
                case System.Buffers.OperationStatus.DestinationTooSmall:
                    continue;
                default:
                    return offset;
            }
        }
    }

    /// <summary>
    /// Windows-1256 Arabic: nearly every non-ASCII character is Arabic or common typography, and Arabic letters
    /// are a real share of all letters (one stray byte in English text is a broken file, not Arabic).
    /// </summary>
    static bool LooksLikeArabic(string text)
    {
        int nonAscii = 0, arabic = 0, letters = 0, arabicLetters = 0;
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (ArabicText.IsArabicLetter(c))
                {
                    arabicLetters++;
                }
            }

            if (c < 0x80)
            {
                continue;
            }

            nonAscii++;
            if (c is >= '\u0600' and <= '\u06FF' || c is '\u00A0' or '\u2013' or '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u2026' or '\u200E' or '\u200F')
            {
                arabic++;
            }
        }

        return nonAscii > 0 && arabic >= nonAscii * Windows1256ArabicShare && arabicLetters >= letters * 0.3;
    }

    /// <summary>
    /// True when a good share of the non-ASCII bytes form valid UTF-8 sequences although the whole is not UTF-8:
    /// a file pasted together from UTF-8 and a legacy encoding. Pure Windows-1256 text rarely forms such sequences.
    /// </summary>
    static bool MixesUtf8(ReadOnlySpan<byte> bytes)
    {
        int high = 0, validSequenceBytes = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                continue;
            }

            int length = b is >= 0xC2 and <= 0xDF ? 2 : b is >= 0xE0 and <= 0xEF ? 3 : 0;
            if (length > 0 && i + length <= bytes.Length && IsContinuation(bytes[(i + 1)..(i + length)]))
            {
                high += length;
                validSequenceBytes += length;
                i += length - 1;
                continue;
            }

            high++;
        }

        return high > 0 && validSequenceBytes > high * 0.25;

        static bool IsContinuation(ReadOnlySpan<byte> tail)
        {
            foreach (byte t in tail)
            {
                if (t is < 0x80 or > 0xBF)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Decoded bytes with many control characters (over a tenth) are binary data that happened to decode; a few stray ones are cleaned later.</summary>
    static string RequireText(string text)
    {
        int controls = 0;
        foreach (char c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                controls++;
            }
        }

        if (controls > 0 && controls * 10 > text.Length)
        {
            throw NotText();
        }

        return text;
    }

    static DocumentRejectedException NotText() => new(
        RejectionReason.UnsupportedFormat,
        "The file is binary data, not text or any supported document format.");
}
