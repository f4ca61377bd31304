using System.IO.Compression;
using System.Text;

namespace PressRoom.Tests.Documents.Fixtures;

/// <summary>Zip packages written entry by entry, for hostile .docx files the Open XML SDK would never produce.</summary>
public static class ZipFixture
{
    public const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "</Types>";

    public const string RootRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "</Relationships>";

    public static string DocumentXml(string bodyXml, string prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") =>
        prolog + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + bodyXml + "</w:body></w:document>";

    public static byte[] Build(IEnumerable<(string Name, string Content)> entries) =>
        Build(entries.Select(e => (e.Name, (Action<Stream>)(s => s.Write(Encoding.UTF8.GetBytes(e.Content))))));

    public static byte[] Build(IEnumerable<(string Name, Action<Stream> Write)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, write) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                write(entry);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A minimal valid Word package around the given body XML.</summary>
    public static byte[] MinimalDocx(string bodyXml, string? documentProlog = null) => Build(
    [
        ("[Content_Types].xml", ContentTypes),
        ("_rels/.rels", RootRelationships),
        ("word/document.xml", documentProlog is null ? DocumentXml(bodyXml) : DocumentXml(bodyXml, documentProlog)),
    ]);

    public static string Paragraph(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{System.Security.SecurityElement.Escape(text)}</w:t></w:r></w:p>";
}
