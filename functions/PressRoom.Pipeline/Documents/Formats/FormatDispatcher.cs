using System.Text;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>Sends bytes to the extractor their content calls for; rejects formats PressRoom does not read.</summary>
internal static class FormatDispatcher
{
    public static ExtractedText Extract(byte[] bytes, ExtractionContext context)
    {
        if (bytes.Length == 0)
        {
            throw new DocumentRejectedException(RejectionReason.Empty, "The file is empty (0 bytes).");
        }

        switch (FormatSniffer.SniffBytes(bytes))
        {
            case BinaryKind.Pdf:
                return PdfExtractor.Extract(bytes, context);
            case BinaryKind.Zip:
                return DocxExtractor.Extract(bytes, context);
            case BinaryKind.OleCompound:
                throw IsEncryptedOfficeFile(bytes)
                    ? new DocumentRejectedException(RejectionReason.Encrypted, "This Word document is password-protected; upload a copy without a password.")
                    : new DocumentRejectedException(RejectionReason.UnsupportedFormat, "This is an old-style Office file (.doc/.xls); open it in Word and save it as .docx.");
            case BinaryKind.Rtf:
                throw new DocumentRejectedException(RejectionReason.UnsupportedFormat, "This is a Rich Text (.rtf) file; save it as .docx and upload it again.");
            case BinaryKind.Image:
                throw new DocumentRejectedException(RejectionReason.UnsupportedFormat, "This is an image; PressRoom reads text documents and does not run OCR on pictures.");
            case BinaryKind.Archive:
                throw new DocumentRejectedException(RejectionReason.UnsupportedFormat, "This is a compressed archive; upload the release document itself.");
            case BinaryKind.Executable:
                throw new DocumentRejectedException(RejectionReason.UnsupportedFormat, "This is a program, not a document.");
        }

        var decoded = TextDecoder.Decode(bytes);
        if (string.IsNullOrWhiteSpace(decoded.Text) || decoded.Text.All(c => char.IsWhiteSpace(c) || ArabicText.IsZeroWidth(c) || ArabicText.IsBidiControl(c)))
        {
            throw new DocumentRejectedException(RejectionReason.Empty, "The file contains only whitespace.");
        }

        return FormatSniffer.SniffText(decoded.Text, context.Extension) switch
        {
            TextKind.Email => EmlExtractor.Extract(bytes, context),
            TextKind.Html => HtmlExtractor.Extract(decoded, context),
            TextKind.Markdown => MarkdownExtractor.Extract(decoded, context),
            TextKind.Xml => throw new DocumentRejectedException(RejectionReason.UnsupportedFormat, "This is an XML data file, not a document PressRoom reads."),
            _ => PlainTextExtractor.Extract(decoded, context),
        };
    }

    /// <summary>An encrypted .docx is an OLE compound file holding an "EncryptedPackage" stream (names are UTF-16 in the directory).</summary>
    static bool IsEncryptedOfficeFile(byte[] bytes) =>
        bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0;
}
