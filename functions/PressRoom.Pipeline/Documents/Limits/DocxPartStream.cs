using DocumentFormat.OpenXml.Packaging;
using PressRoom.Pipeline.Documents.Formats;

namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>Opens a part of a Word package for reading through a counter that stops at <see cref="DocumentLimits.MaxXmlPartBytes"/>.</summary>
internal static class DocxPartStream
{
    public static Stream Open(OpenXmlPart part, ExtractionContext context)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(context);
        long limit = context.Limits.MaxXmlPartBytes;
        string name = part.Uri.OriginalString;
        return new CountingReadStream(
            part.GetStream(FileMode.Open, FileAccess.Read),
            limit,
            read => new DocumentRejectedException(
                RejectionReason.LimitExceeded,
                $"The Word document's part '{name}' holds more than {limit / 1048576d:0.#} MB of XML, more than a release needs."),
            context.CancellationToken);
    }
}
