using System.Text.RegularExpressions;
using MimeKit;

namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>
/// Emails (.eml): the subject is the title (without Fwd:/Re:), the plain-text body — or the HTML body when there
/// is no plain one — gives the paragraphs, and the signature after "-- " is dropped. An email with an empty body
/// is a cover for its attachment: the first attachment in a supported format is read as the release.
/// </summary>
internal static partial class EmlExtractor
{
    public static ExtractedText Extract(byte[] bytes, ExtractionContext context)
    {
        var options = ParserOptions.Default.Clone();
        options.MaxMimeDepth = Math.Min(options.MaxMimeDepth, context.Limits.MaxNestingDepth);
        MimeMessage message;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            message = MimeMessage.Load(options, stream, context.CancellationToken);
        }

        var subject = CleanSubject(message.Subject);
        var body = BodyBlocks(message, context);
        if (body.Count > 0)
        {
            return new ExtractedText("eml", subject, body);
        }

        var attachment = FromAttachments(message, context);
        if (attachment is not null)
        {
            var blocks = new List<string>(attachment.Blocks);
            string? attachmentTitle = attachment.Title;
            if (subject is null)
            {
                return new ExtractedText("eml", attachmentTitle, blocks) { Encoding = attachment.Encoding, Pages = attachment.Pages };
            }

            if (attachmentTitle is not null && !SameText(attachmentTitle, subject))
            {
                blocks.Insert(0, attachmentTitle);
            }
            else if (attachmentTitle is null && blocks.Count > 0 && SameText(blocks[0], subject))
            {
                blocks.RemoveAt(0);
            }

            return new ExtractedText("eml", subject, blocks) { Encoding = attachment.Encoding, Pages = attachment.Pages };
        }

        throw new DocumentRejectedException(
            RejectionReason.NoText,
            "The email has no body text and no attachment in a format PressRoom reads.");
    }

    static List<string> BodyBlocks(MimeMessage message, ExtractionContext context)
    {
        var text = message.TextBody;
        if (!string.IsNullOrWhiteSpace(text))
        {
            int signature = text.IndexOf("\n-- \n", StringComparison.Ordinal);
            if (signature < 0)
            {
                signature = text.IndexOf("\r\n-- \r\n", StringComparison.Ordinal);
            }

            return PlainTextExtractor.SplitParagraphs(signature >= 0 ? text[..signature] : text, context);
        }

        var html = message.HtmlBody;
        if (!string.IsNullOrWhiteSpace(html))
        {
            try
            {
                var extracted = HtmlExtractor.Extract(new DecodedText(html, "mime"), context);
                var blocks = new List<string>(extracted.Blocks);
                if (extracted.Title is not null && !SameText(extracted.Title, message.Subject ?? string.Empty))
                {
                    blocks.Insert(0, extracted.Title);
                }

                return blocks;
            }
            catch (DocumentRejectedException ex) when (ex.Reason == RejectionReason.NoText)
            {
                return [];
            }
        }

        return [];
    }

    static ExtractedText? FromAttachments(MimeMessage message, ExtractionContext context)
    {
        DocumentRejectedException? firstRejection = null;
        string? firstName = null;
        int tried = 0;
        foreach (var entity in message.Attachments)
        {
            if (tried >= context.Limits.MaxAttachments)
            {
                break;
            }

            var name = entity switch
            {
                MimePart part => part.FileName ?? "attachment",
                MessagePart => "attached-message.eml",
                _ => "attachment",
            };

            var bytes = AttachmentBytes(entity, context);
            if (bytes is null)
            {
                continue;
            }

            tried++;
            try
            {
                return FormatDispatcher.Extract(bytes, context.ForAttachment(name));
            }
            catch (DocumentRejectedException ex)
            {
                firstRejection ??= ex;
                firstName ??= name;
            }
        }

        if (firstRejection is not null)
        {
            throw new DocumentRejectedException(
                firstRejection.Reason,
                $"The email has no body text, and its attachment '{firstName}' could not be used: {firstRejection.Message}",
                firstRejection);
        }

        return null;
    }

    static byte[]? AttachmentBytes(MimeEntity entity, ExtractionContext context)
    {
        using var buffer = new MemoryStream();
        switch (entity)
        {
            case MessagePart { Message: not null } attached:
                attached.Message.WriteTo(buffer, context.CancellationToken);
                break;
            case MimePart { Content: not null } part:
                part.Content.DecodeTo(buffer, context.CancellationToken);
                break;
            default:
                return null;
        }

        if (buffer.Length > context.Limits.MaxOriginalBytes)
        {
            throw new DocumentRejectedException(RejectionReason.TooLarge, "An attachment of the email is larger than the upload limit.");
        }

        return buffer.Length == 0 ? null : buffer.ToArray();
    }

    static string? CleanSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var cleaned = ReplyPrefix().Replace(subject, string.Empty).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    static bool SameText(string a, string b) => TextNormalizer.Normalize(a) == TextNormalizer.Normalize(b);

    [GeneratedRegex(@"^\s*((re|fw|fwd|aw|tr|رد|إعادة توجيه|اعادة توجيه)\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
}
