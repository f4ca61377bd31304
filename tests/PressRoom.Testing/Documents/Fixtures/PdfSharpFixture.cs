using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PressRoom.Tests.Documents.Fixtures;

/// <summary>PDFs made with PDFsharp: a password-protected one and a "scan" (drawing only, no text layer). No fonts are needed.</summary>
public static class PdfSharpFixture
{
    public static byte[] Encrypted()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawRectangle(XBrushes.Gray, 50, 50, 200, 100);
        }

        document.SecuritySettings.UserPassword = "secret-user";
        document.SecuritySettings.OwnerPassword = "secret-owner";
        return Save(document);
    }

    /// <summary>What a scanner produces, minus the picture: pages of graphics with no text.</summary>
    public static byte[] WithoutTextLayer(int pages = 2)
    {
        using var document = new PdfDocument();
        for (int i = 0; i < pages; i++)
        {
            var page = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(page);
            for (int line = 0; line < 30; line++)
            {
                graphics.DrawRectangle(XBrushes.Black, 60, 80 + line * 20, 300 + (line * 37 % 150), 8);
            }
        }

        return Save(document);
    }

    static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
