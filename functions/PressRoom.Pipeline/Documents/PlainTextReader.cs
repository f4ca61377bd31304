using System.Security.Cryptography;
using System.Text;

namespace PressRoom.Pipeline.Documents;

/// <summary>First reader: UTF-8 plain text. Paragraphs are separated by blank lines; the first line is the title.</summary>
public sealed class PlainTextReader : IDocumentReader
{
    public async Task<ReleaseDocument> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new DocumentRejectedException(RejectionReason.Empty, "The file is empty.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentRejectedException(RejectionReason.DecodingFailed, "The text is not valid UTF-8.", ex);
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line.Trim());
        }

        Flush();
        if (paragraphs.Count == 0)
        {
            throw new DocumentRejectedException(RejectionReason.Empty, "The file contains no text.");
        }

        var title = paragraphs[0];
        var body = paragraphs.Skip(1).ToList();
        var full = string.Join("\n\n", paragraphs);
        return new ReleaseDocument
        {
            Title = title,
            Paragraphs = body,
            Text = full,
            Format = "txt",
            OriginalSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            NormalizedSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full))),
        };

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
