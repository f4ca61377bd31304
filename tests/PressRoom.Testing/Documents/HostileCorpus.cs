using System.Text;
using PressRoom.Pipeline.Documents;
using PressRoom.Tests.Documents.Fixtures;

namespace PressRoom.Tests.Documents;

/// <summary>
/// One bad, hostile or odd upload. <see cref="Expected"/> is the rejection reason it must get, or null when the
/// file is actually fine and must be read safely (then <see cref="Check"/> says what "safely" means).
/// <see cref="Name"/> is a blob name: some are deliberately awkward (#, ?, %, spaces, Arabic, 1,000 characters).
/// </summary>
public sealed class HostileSample(string name, string description, RejectionReason? expected, Func<byte[]> build, Action<ReleaseDocument>? check = null)
{
    readonly Lazy<byte[]> bytes = new(build);

    public string Name { get; } = name;
    public string Description { get; } = description;
    public RejectionReason? Expected { get; } = expected;
    public Action<ReleaseDocument>? Check { get; } = check;

    /// <summary>The bytes of the upload, generated on first use and then kept.</summary>
    public byte[] Bytes => bytes.Value;

    public override string ToString() => Name.Length > 60 ? Name[..60] + "…" : Name;
}

/// <summary>
/// At least thirty bad or hostile inputs, all generated here (nothing downloaded, nothing copied).
/// Reusable: reader tests assert each reason directly; an end-to-end test can upload <see cref="All"/> as blobs.
/// </summary>
public static class HostileCorpus
{
    const string ArabicTitle = "وزارة الثقافة تطلق مهرجان الكتاب السنوي";
    const string ArabicBody = "أعلنت وزارة الثقافة اليوم عن إطلاق الدورة العاشرة من مهرجان الكتاب السنوي بمشاركة مئة دار نشر.";

    static readonly Lazy<IReadOnlyList<HostileSample>> Samples = new(Create);

    public static IReadOnlyList<HostileSample> All => Samples.Value;

    public static IReadOnlyList<HostileSample> Rejected => [.. All.Where(s => s.Expected is not null)];

    public static IReadOnlyList<HostileSample> ReadSafely => [.. All.Where(s => s.Expected is null)];

    public static HostileSample Get(string name) => All.Single(s => s.Name == name);

    static List<HostileSample> Create() =>
    [
        // Empty and near-empty
        new("hostile/empty.txt", "0 bytes", RejectionReason.Empty, () => []),
        new("hostile/zero-byte.docx", "0-byte .docx", RejectionReason.Empty, () => []),
        new("hostile/whitespace-only.txt", "spaces, no-break spaces, blank lines", RejectionReason.Empty, () => Encoding.UTF8.GetBytes("   \n\n\u00A0\t \r\n  ")),
        new("hostile/invisible-only.txt", "only zero-width and bidi control characters", RejectionReason.Empty, () => Encoding.UTF8.GetBytes("\u200B\u200F\u202E\uFEFF\u2066")),

        // PDF
        new("hostile/truncated.pdf", "a valid PDF cut in half", RejectionReason.Corrupt, () => Half(ValidPdf())),
        new("hostile/encrypted.pdf", "PDFsharp with a user password", RejectionReason.Encrypted, PdfSharpFixture.Encrypted),
        new("hostile/scanned.pdf", "pages of graphics, no text layer", RejectionReason.NoText, () => PdfSharpFixture.WithoutTextLayer()),
        new("hostile/header-then-garbage.pdf", "%PDF header, random bytes, %%EOF", RejectionReason.Corrupt, () => Concat("%PDF-1.7\n"u8.ToArray(), Noise(4096, 7), "\n%%EOF\n"u8.ToArray())),
        new("hostile/too-many-pages.pdf", "501 pages, over the 500 page limit", RejectionReason.LimitExceeded, () => HandWrittenPdf.Build([.. Enumerable.Range(0, 501).Select(i => (IReadOnlyList<PdfLineSpec>)[new PdfLineSpec($"Page {i}", 12, 700)])])),
        new("hostile/nested-arrays.pdf", "an object nested 100,000 arrays deep", RejectionReason.LimitExceeded, DeeplyNestedPdf),
        new("hostile/flate-bomb.pdf", "a ~100 KB content stream inflating to 106 MB", RejectionReason.UnsafeContent, () => BombFixture.PdfFlateBomb(106L * 1024 * 1024)),
        new("hostile/glyph-bomb.pdf", "one page drawing 2.1 million glyphs (2 MB of page content from ~10 KB)", RejectionReason.LimitExceeded, () => BombFixture.PdfGlyphBomb(2_100_000)),

        // Word / zip
        new("hostile/zip-bomb.docx", "a Word package with 64 MB of zeros compressed to ~64 KB", RejectionReason.UnsafeContent, ZipBomb),
        new("hostile/styles-bomb.docx", "styles.xml of ~80 MB at ~30:1, under the package ratio limit", RejectionReason.LimitExceeded, () => BombFixture.DocxStylesBomb(850_000)),
        new("hostile/too-many-entries.docx", "1,500 entries in the package", RejectionReason.LimitExceeded, TooManyEntries),
        new("hostile/xxe.docx", "document.xml declares an external entity (file:///etc/passwd)", RejectionReason.UnsafeContent, () => ZipFixture.MinimalDocx(
            "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
            "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")),
        new("hostile/billion-laughs.docx", "[Content_Types].xml with nested entity expansion", RejectionReason.UnsafeContent, BillionLaughs),
        new("hostile/truncated.docx", "a valid .docx cut in half", RejectionReason.Corrupt, () => Half(DocxFixture.Build("Title", ["Body text of the release."]))),
        new("hostile/plain-zip.docx", "a zip of text files named .docx", RejectionReason.UnsupportedFormat, () => ZipFixture.Build([("notes.txt", "just notes")])),
        new("hostile/workbook-renamed.docx", "an Excel workbook renamed .docx", RejectionReason.UnsupportedFormat, () => ZipFixture.Build([("[Content_Types].xml", ZipFixture.ContentTypes), ("xl/workbook.xml", "<workbook/>")])),
        new("hostile/password.docx", "an encrypted Word file (OLE container with EncryptedPackage)", RejectionReason.Encrypted, () => OleContainer("EncryptedPackage")),
        new("hostile/legacy.doc", "an old binary Word file", RejectionReason.UnsupportedFormat, () => OleContainer("WordDocument")),
        new("hostile/images-only.docx", "a Word document with no text", RejectionReason.NoText, () => ZipFixture.MinimalDocx("<w:p><w:r><w:drawing/></w:r></w:p><w:p/>")),
        new("hostile/broken-xml.docx", "document.xml is not well-formed", RejectionReason.Corrupt, () => ZipFixture.MinimalDocx("<w:p><w:r><w:t>unclosed</w:r></w:p>")),

        // HTML
        new("hostile/scripts-only.html", "HTML with only scripts, styles and a comment", RejectionReason.NoText, () => Encoding.UTF8.GetBytes(
            "<!doctype html><html><head><style>p{color:red}</style><script>document.write('hi')</script></head><body><script>alert(1)</script><!-- a comment --><noscript>enable js</noscript></body></html>")),
        new("hostile/navigation-only.htm", "only a nav menu and a footer", RejectionReason.NoText, () => Encoding.UTF8.GetBytes(
            "<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav><footer>© Ministry</footer></body></html>")),
        new("hostile/deep-nesting.html", "10,000 nested div elements", RejectionReason.LimitExceeded, () => Encoding.UTF8.GetBytes(
            "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "deep" + "</body></html>")),
        new("hostile/many-elements.html", "2.8 million <b></b> elements (19.6 MB)", RejectionReason.LimitExceeded, () => BombFixture.HtmlManyElements(2_800_000)),
        new("hostile/deeper-nesting.html", "100,000 nested div elements", RejectionReason.LimitExceeded, () => BombFixture.HtmlDeepNesting(100_000)),

        // Text encodings and binary data
        new("hostile/binary-noise.txt", "64 KB of random bytes named .txt", RejectionReason.UnsupportedFormat, () => Noise(64 * 1024, 42)),
        new("hostile/too-large.txt", "25 MB of text, over the 20 MB limit", RejectionReason.TooLarge, () => Repeat("A press release line.\n", 25 * 1024 * 1024)),
        new("hostile/too-much-text.txt", "2.2 million characters, over the text limit", RejectionReason.LimitExceeded, () => Repeat("Words of a very long release. ", 2_200_000)),
        new("hostile/invalid-utf8.txt", "English text with stray invalid UTF-8 bytes", RejectionReason.DecodingFailed, () => Concat("The ministry announced "u8.ToArray(), [0xC3, 0x28, 0xFF], " a new programme today.\n"u8.ToArray())),
        new("hostile/cut-utf8-arabic.txt", "Arabic UTF-8 with a multi-byte character cut in half", RejectionReason.DecodingFailed, CutUtf8Arabic),
        new("hostile/mixed-encodings.txt", "half UTF-8 Arabic, half Windows-1256 Arabic", RejectionReason.DecodingFailed, MixedEncodings),
        new("hostile/bom-then-invalid.txt", "a UTF-8 byte-order mark followed by invalid bytes", RejectionReason.DecodingFailed, () => Concat([0xEF, 0xBB, 0xBF], "Title\n\n"u8.ToArray(), [0xFF, 0xFE, 0xFD, 0x80])),
        new("hostile/nul-bytes.txt", "text with NUL bytes inside", RejectionReason.UnsupportedFormat, () => Encoding.UTF8.GetBytes("Title\0\0\0 body\0 text")),
        new("hostile/picture.pdf", "a PNG image named .pdf", RejectionReason.UnsupportedFormat, () => Concat([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], Noise(1024, 3))),
        new("hostile/archive.txt", "a gzip stream named .txt", RejectionReason.UnsupportedFormat, GzipBytes),
        new("hostile/letter.rtf", "a Rich Text file", RejectionReason.UnsupportedFormat, () => Encoding.ASCII.GetBytes("{\\rtf1\\ansi Hello}")),
        new("hostile/data.xml", "an XML data file", RejectionReason.UnsupportedFormat, () => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rows><row id=\"1\"/></rows>")),

        // Email
        new("hostile/no-body.eml", "an email with neither body nor attachment", RejectionReason.NoText, () => Encoding.UTF8.GetBytes(
            "From: press@example.org\r\nTo: desk@example.org\r\nSubject: Release\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n   \r\n")),
        new("hostile/encrypted-attachment.eml", "empty body, password-protected PDF attached", RejectionReason.Encrypted, () => EmailWithAttachment("Release", "release.pdf", "application/pdf", PdfSharpFixture.Encrypted())),

        // Odd but valid: must be read safely
        new("hostile/one-mb-single-line.txt", "1 MB of text on one line", null, () => Repeat("word ", 1024 * 1024), doc =>
        {
            Assert.True(doc.Title.Length <= 300);
            Assert.Equal(Encoding.UTF8.GetString(Repeat("word ", 1024 * 1024)).Trim(), doc.Title + " " + Assert.Single(doc.Paragraphs));
        }),
        new("hostile/bidi-override-title.txt", "RTL/LTR override characters in the title", null, () => Encoding.UTF8.GetBytes(
            "\u202EBreaking\u202C news \u202Dabout\u202C \u2067the\u2069 budget\n\nThe budget was approved."), doc =>
        {
            Assert.Equal("Breaking news about the budget", doc.Title);
            Assert.DoesNotContain(doc.Text, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
        }),
        new("hostile/control-characters.txt", "control characters and zero-width spaces inside words", null, () => Encoding.UTF8.GetBytes(
            "Min\u200Bistry\u0007 statement\n\nThe\u0001 statement\u200B was issued."), doc =>
        {
            Assert.Equal("Ministry statement", doc.Title);
            Assert.Equal(["The statement was issued."], doc.Paragraphs);
        }),
        new("hostile/name # with ? and % and spaces بيان صحفي.txt", "a blob name with # ? % spaces and Arabic letters", null, () => Encoding.UTF8.GetBytes(ArabicTitle + "\n\n" + ArabicBody), doc =>
        {
            Assert.Equal(ArabicTitle, doc.Title);
            Assert.Equal("ar", doc.Language);
        }),
        new("hostile/" + new string('n', 983) + "-long.txt", "a blob name of 1,000 characters", null, () => "Long name release\n\nIt has a very long file name."u8.ToArray(), doc =>
            Assert.Equal("Long name release", doc.Title)),
        new("hostile/windows-1256.txt", "legacy Arabic Windows encoding", null, () => Windows1256(ArabicTitle + "\r\n\r\n" + ArabicBody), doc =>
        {
            Assert.Equal("windows-1256", doc.Encoding);
            Assert.Equal(ArabicTitle, doc.Title);
            Assert.Equal([ArabicBody], doc.Paragraphs);
        }),
        new("hostile/utf16be-no-bom.txt", "UTF-16 big-endian without a byte-order mark", null, () => Encoding.BigEndianUnicode.GetBytes(ArabicTitle + "\n\n" + ArabicBody), doc =>
        {
            Assert.Equal("utf-16be", doc.Encoding);
            Assert.Equal(ArabicTitle, doc.Title);
        }),
        new("hostile/pdf-named.txt", "a real PDF named .txt (content decides)", null, ValidPdf, doc =>
        {
            Assert.Equal("pdf", doc.Format);
            Assert.Equal("Culture ministry opens book fair", doc.Title);
        }),
        new("hostile/docx-attachment.eml", "empty body, the release attached as .docx", null, () => EmailWithAttachment(
            "Fwd: " + ArabicTitle, "بيان.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocxFixture.Build(ArabicTitle, [ArabicBody], rightToLeft: true)), doc =>
        {
            Assert.Equal("eml", doc.Format);
            Assert.Equal(ArabicTitle, doc.Title);
            Assert.Equal([ArabicBody], doc.Paragraphs);
        }),
    ];

    /// <summary>A small Latin PDF used whole (read safely) and cut in half (corrupt).</summary>
    public static byte[] ValidPdf() => HandWrittenPdf.Build(
    [
        new PdfLineSpec("Culture ministry opens book fair", 18, 760),
        new PdfLineSpec("The fair runs for ten days and hosts", 12, 720),
        new PdfLineSpec("one hundred publishers.", 12, 706),
    ]);

    static byte[] Half(byte[] bytes) => bytes[..(bytes.Length / 2)];

    static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    static byte[] Repeat(string unit, int totalChars)
    {
        var text = new StringBuilder(totalChars + unit.Length);
        while (text.Length + unit.Length <= totalChars)
        {
            text.Append(unit);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    static byte[] Windows1256(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256).GetBytes(text);
    }

    static byte[] CutUtf8Arabic()
    {
        var bytes = Encoding.UTF8.GetBytes(ArabicTitle + "\n\n" + ArabicBody).ToList();
        bytes.RemoveAt(Encoding.UTF8.GetByteCount(ArabicTitle) + 5); // drops one byte of a two-byte letter
        return [.. bytes];
    }

    static byte[] MixedEncodings() => Concat(Encoding.UTF8.GetBytes(ArabicTitle + "\n\n"), Windows1256(ArabicBody));

    static byte[] DeeplyNestedPdf()
    {
        var valid = Encoding.Latin1.GetString(ValidPdf());
        var nested = string.Concat(Enumerable.Repeat("[", 100_000)) + string.Concat(Enumerable.Repeat("]", 100_000));
        return Encoding.Latin1.GetBytes(valid.Replace("/Type /Catalog", "/Type /Catalog /Junk " + nested, StringComparison.Ordinal));
    }

    static byte[] ZipBomb() => ZipFixture.Build(
    [
        ("[Content_Types].xml", s => s.Write(Encoding.UTF8.GetBytes(ZipFixture.ContentTypes))),
        ("_rels/.rels", s => s.Write(Encoding.UTF8.GetBytes(ZipFixture.RootRelationships))),
        ("word/document.xml", s => s.Write(Encoding.UTF8.GetBytes(ZipFixture.DocumentXml(ZipFixture.Paragraph("Bomb"))))),
        ("word/media/padding.bin", s =>
        {
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++)
            {
                s.Write(zeros);
            }
        }),
    ]);

    static byte[] TooManyEntries() => ZipFixture.Build(
        new[] { ("[Content_Types].xml", ZipFixture.ContentTypes), ("_rels/.rels", ZipFixture.RootRelationships), ("word/document.xml", ZipFixture.DocumentXml(ZipFixture.Paragraph("Many"))) }
            .Concat(Enumerable.Range(0, 1500).Select(i => ($"word/media/part{i}.txt", "x"))));

    static byte[] BillionLaughs()
    {
        var entities = new StringBuilder("<!DOCTYPE Types [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        entities.Append("]>");
        return ZipFixture.Build(
        [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?>" + entities + ZipFixture.ContentTypes.Replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", string.Empty, StringComparison.Ordinal).Replace("</Types>", "<Default Extension=\"x\" ContentType=\"&lol9;\"/></Types>", StringComparison.Ordinal)),
            ("_rels/.rels", ZipFixture.RootRelationships),
            ("word/document.xml", ZipFixture.DocumentXml(ZipFixture.Paragraph("Laughs"))),
        ]);
    }

    /// <summary>The signature of an OLE compound file and a directory entry name (UTF-16), which is all sniffing looks at.</summary>
    static byte[] OleContainer(string streamName) => Concat(
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        new byte[504],
        Encoding.Unicode.GetBytes(streamName),
        Noise(2048, streamName.Length));

    static byte[] GzipBytes()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("A release inside an archive."u8);
        }

        return buffer.ToArray();
    }

    static byte[] EmailWithAttachment(string subject, string fileName, string contentType, byte[] attachment)
    {
        var encodedSubject = "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(subject)) + "?=";
        var encodedName = "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(fileName)) + "?=";
        var mail = new StringBuilder();
        mail.Append("From: press@example.org\r\nTo: desk@example.org\r\n");
        mail.Append("Subject: ").Append(encodedSubject).Append("\r\n");
        mail.Append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n");
        mail.Append("--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n");
        mail.Append("--b1\r\nContent-Type: ").Append(contentType).Append("\r\nContent-Transfer-Encoding: base64\r\n");
        mail.Append("Content-Disposition: attachment; filename=\"").Append(encodedName).Append("\"\r\n\r\n");
        mail.Append(Convert.ToBase64String(attachment, Base64FormattingOptions.InsertLineBreaks)).Append("\r\n--b1--\r\n");
        return Encoding.ASCII.GetBytes(mail.ToString());
    }
}
