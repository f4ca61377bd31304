using System.Text;
using PressRoom.Pipeline.Documents;
using PressRoom.Tests.Documents.Fixtures;
using static PressRoom.Tests.Documents.Fixtures.HandWrittenPdf;

namespace PressRoom.Tests.Documents;

/// <summary>Each format, generated here, read back with its title and paragraphs asserted exactly.</summary>
public sealed class DocumentFormatTests
{
    const string ArabicTitle = "قطر تستضيف منتدى الاقتصاد الرقمي";
    const string ArabicDateline = "الدوحة – المكتب الإعلامي - 29 مارس";
    const string ArabicParagraph = "افتتح وزير الاتصالات أعمال المنتدى بمشاركة خبراء من عشرين دولة.";

    [Theory]
    [InlineData("utf-8", "release.txt")]
    [InlineData("utf-8-bom", "release.txt")]
    [InlineData("utf-16le", "release.txt")]
    [InlineData("utf-16be", "release")]
    [InlineData("windows-1256", "release.TXT")]
    public async Task Text_in_every_supported_encoding_reads_the_same(string encoding, string name)
    {
        var text = $"{ArabicTitle}\r\n\r\n{ArabicDateline}\r\n\r\n{ArabicParagraph}\r\nسطر ثان من الفقرة نفسها.\r\n";
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Windows1256(text),
        };

        var document = await TestReaders.ReadAsync(bytes, name);

        Assert.Equal("txt", document.Format);
        Assert.Equal(encoding, document.Encoding);
        Assert.Equal(ArabicTitle, document.Title);
        Assert.Equal([ArabicDateline, ArabicParagraph + " سطر ثان من الفقرة نفسها."], document.Paragraphs);
        Assert.Equal(new Dateline("الدوحة", "المكتب الإعلامي", "29 مارس", new DateOnly(2026, 3, 29)), document.Dateline);
        Assert.Equal("ar", document.Language);
        Assert.Equal("Arab", document.Script);
    }

    [Fact]
    public async Task Markdown_drops_markup_and_keeps_words()
    {
        var md = "# Ministry launches **green** fund\n\nDOHA, March 3 (QNA) - The [Ministry](https://example.org) launched a fund.\n\n"
            + "## Key points\n\n- First *point*\n- Second point\n\n![logo](logo.png)\n\n---\n\n> A quote from the minister.\n";

        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(md), "release.md");

        Assert.Equal("md", document.Format);
        Assert.Equal("Ministry launches green fund", document.Title);
        Assert.Equal(
            ["DOHA, March 3 (QNA) - The Ministry launched a fund.", "Key points", "First point", "Second point", "A quote from the minister."],
            document.Paragraphs);
        Assert.Equal(new Dateline("DOHA", "QNA", "March 3", new DateOnly(2026, 3, 3)), document.Dateline);
    }

    [Fact]
    public async Task Markdown_front_matter_code_tables_and_html_are_read_as_words_in_right_to_left_arabic()
    {
        var md = "---\ntitle: ignored\nauthor: press office\n---\n"
            + $"{ArabicTitle}\n===\n\n{ArabicDateline}\n\n"
            + "افتتح **وزير** الاتصالات [أعمال المنتدى](https://example.org/a) بمشاركة `خبراء` من عشرين دولة.\n\n"
            + "| المرحلة | الميزانية |\n|---|---|\n| الأولى | *20 مليون* |\n\n"
            + "```\nسطر من الشيفرة\n  وسطر ثان\n```\n\n"
            + "<div dir=\"rtl\">نص داخل <b>وسم</b> &amp; كيان</div>\n\n<!-- تعليق لا يظهر -->\n\n"
            + "1. البند الأول\n2. البند الثاني مع رابط <https://example.org>\n\n[ref]: https://example.org/ref\n";

        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(md), "بيان.md");

        Assert.Equal("md", document.Format);
        Assert.Equal(ArabicTitle, document.Title);
        Assert.Equal(
            [ArabicDateline, "افتتح وزير الاتصالات أعمال المنتدى بمشاركة خبراء من عشرين دولة.", "المرحلة | الميزانية", "الأولى | 20 مليون",
             "سطر من الشيفرة وسطر ثان", "نص داخل وسم & كيان", "البند الأول", "البند الثاني مع رابط https://example.org"],
            document.Paragraphs);
        Assert.Equal(new DateOnly(2026, 3, 29), document.Dateline?.Date);
        Assert.Equal("ar", document.Language);
    }

    [Theory]
    [InlineData(">", 1_000)]
    [InlineData("[*_(`<", 50_000)]
    public async Task Markdown_nested_past_the_parsers_depth_limit_is_read_as_plain_text_not_refused(string markup, int repeats)
    {
        var tail = string.Concat(Enumerable.Repeat(markup, repeats)) + " text";
        var md = "# Deep\n\nFirst paragraph.\n\n" + tail + "\n";

        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(md), "deep.md");

        Assert.Equal("md", document.Format);
        Assert.Equal("# Deep", document.Title);
        Assert.Equal(["First paragraph.", tail], document.Paragraphs);
    }

    [Fact]
    public async Task Markdown_over_the_text_budget_is_rejected_before_it_is_parsed()
    {
        var md = "# Long\n\n" + string.Concat(Enumerable.Repeat("*word* [link](x) ", 1_000));

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(
            () => TestReaders.ReadAsync(Encoding.UTF8.GetBytes(md), "long.md", new DocumentLimits { MaxTextCharacters = 5_000 }));

        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Contains("5,000 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_keeps_headline_and_paragraphs_and_drops_scripts_navigation_and_comments()
    {
        var html = """
            <!DOCTYPE html>
            <html lang="ar" dir="rtl"><head><title>بيان | الموقع</title><style>p { color: red }</style>
            <script>var tracking = "do not read me";</script></head>
            <body>
              <nav><a href="/">الرئيسية</a> <a href="/news">الأخبار</a></nav>
              <header><div class="logo">شعار الوزارة</div></header>
              <article>
                <h1>قطر تستضيف   منتدى الاقتصاد الرقمي</h1>
                <p>الدوحة &ndash; المكتب الإعلامي - 29 مارس</p>
                <!-- تعليق لا يظهر -->
                <p>افتتح وزير الاتصالات أعمال المنتدى<br>بمشاركة خبراء &amp; باحثين.</p>
                <table><tr><th>اليوم</th><th>الجلسة</th></tr><tr><td>الأحد</td><td>الافتتاح</td></tr></table>
                <script>document.write("لا");</script>
              </article>
              <footer>جميع الحقوق محفوظة</footer>
            </body></html>
            """;

        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(html), "page.htm");

        Assert.Equal("html", document.Format);
        Assert.Equal(ArabicTitle, document.Title);
        Assert.Equal(
            ["الدوحة – المكتب الإعلامي - 29 مارس", "افتتح وزير الاتصالات أعمال المنتدى", "بمشاركة خبراء & باحثين.", "اليوم | الجلسة", "الأحد | الافتتاح"],
            document.Paragraphs);
        Assert.Equal("الدوحة", document.Dateline?.Place);
    }

    [Fact]
    public async Task Docx_in_english_gives_title_paragraphs_and_table_rows()
    {
        var bytes = DocxFixture.Build(
            "Ministry launches green fund",
            ["DOHA, 3 March 2025 - The ministry launched a fund of QAR 50 million.", "Applications open next month."],
            table: [["Phase", "Budget"], ["One", "QAR 20 million"]]);

        var document = await TestReaders.ReadAsync(bytes, "release.docx");

        Assert.Equal("docx", document.Format);
        Assert.Equal("Ministry launches green fund", document.Title);
        Assert.Equal(
            ["DOHA, 3 March 2025 - The ministry launched a fund of QAR 50 million.", "Applications open next month.", "Phase | Budget", "One | QAR 20 million"],
            document.Paragraphs);
        Assert.Equal(new Dateline("DOHA", null, "3 March 2025", new DateOnly(2025, 3, 3)), document.Dateline);
        Assert.Equal("en", document.Language);
    }

    [Fact]
    public async Task Docx_in_arabic_keeps_right_to_left_text_in_logical_order()
    {
        var bytes = DocxFixture.Build(ArabicTitle, [ArabicDateline, ArabicParagraph], rightToLeft: true, table: [["المرحلة", "الميزانية"]]);

        var document = await TestReaders.ReadAsync(bytes, "بيان صحفي.docx");

        Assert.Equal(ArabicTitle, document.Title);
        Assert.Equal([ArabicDateline, ArabicParagraph, "المرحلة | الميزانية"], document.Paragraphs);
        Assert.Equal(new DateOnly(2026, 3, 29), document.Dateline?.Date);
        Assert.Equal("ar", document.Language);
    }

    [Fact]
    public async Task Docx_without_title_style_uses_first_paragraph()
    {
        var bytes = DocxFixture.Build("Plain first line", ["Second line."], titleAsHeading: false);

        var document = await TestReaders.ReadAsync(bytes, "x.docx");

        Assert.Equal("Plain first line", document.Title);
        Assert.Equal(["Second line."], document.Paragraphs);
    }

    [Fact]
    public async Task Pdf_in_english_joins_lines_into_paragraphs()
    {
        var bytes = Build(
        [
            new PdfLineSpec("Culture ministry opens book fair", 18, 760),
            new PdfLineSpec("DOHA, 12 May 2025 (QNA) - The fair runs for ten", 12, 720),
            new PdfLineSpec("days and hosts one hundred publishers.", 12, 706),
            new PdfLineSpec("Entry is free for students.", 12, 670),
            new PdfLineSpec("2", 10, 40),
        ]);

        var document = await TestReaders.ReadAsync(bytes, "release.pdf");

        Assert.Equal("pdf", document.Format);
        Assert.Equal(1, document.Pages);
        Assert.Equal("Culture ministry opens book fair", document.Title);
        Assert.Equal(
            ["DOHA, 12 May 2025 (QNA) - The fair runs for ten days and hosts one hundred publishers.", "Entry is free for students."],
            document.Paragraphs);
        Assert.Equal(new Dateline("DOHA", "QNA", "12 May 2025", new DateOnly(2025, 5, 12)), document.Dateline);
    }

    [Fact]
    public async Task Pdf_in_arabic_reads_in_logical_order_not_visually_reversed()
    {
        // Glyphs are placed right to left as on a printed Arabic page; numbers and Latin stay left to right.
        var bytes = Build(
        [
            new PdfLineSpec(Displayed(ArabicTitle), 18, 760, RightAligned: true),
            new PdfLineSpec(Displayed("مارس") + " 29 - " + Displayed("الدوحة – المكتب الإعلامي"), 12, 720, RightAligned: true),
            new PdfLineSpec(Displayed("مليون دولار") + " 15 " + Displayed("وبلغت قيمة الاستثمارات"), 12, 690, RightAligned: true, EmitReversed: true),
            new PdfLineSpec(".(" + Displayed("الإسكوا") + ") " + Displayed("ومنظمة") + " UN Women " + Displayed("وشارك في المنتدى ممثلو"), 12, 676, RightAligned: true),
        ]);

        var document = await TestReaders.ReadAsync(bytes, "arabic.pdf");

        Assert.Equal(ArabicTitle, document.Title);
        Assert.Equal(2, document.Paragraphs.Count);
        Assert.Equal("الدوحة – المكتب الإعلامي - 29 مارس", document.Paragraphs[0]);
        Assert.Equal("وبلغت قيمة الاستثمارات 15 مليون دولار وشارك في المنتدى ممثلو UN Women ومنظمة (الإسكوا).", document.Paragraphs[1]);
        Assert.Equal(new Dateline("الدوحة", "المكتب الإعلامي", "29 مارس", new DateOnly(2026, 3, 29)), document.Dateline);
        Assert.Equal("ar", document.Language);
    }

    [Fact]
    public async Task Pdf_made_by_another_producer_is_read()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Port authority reports record year", 16, new UglyToad.PdfPig.Core.PdfPoint(50, 760), font);
        page.AddText("Container traffic grew by a fifth.", 11, new UglyToad.PdfPig.Core.PdfPoint(50, 720), font);

        var document = await TestReaders.ReadAsync(builder.Build(), "port.pdf");

        Assert.Equal("Port authority reports record year", document.Title);
        Assert.Equal(["Container traffic grew by a fifth."], document.Paragraphs);
    }

    [Fact]
    public async Task Eml_uses_subject_as_title_and_plain_body_without_signature()
    {
        var eml = "From: Press Office <press@example.org>\r\nTo: desk@example.org\r\nSubject: =?utf-8?B?"
            + Convert.ToBase64String(Encoding.UTF8.GetBytes("Fwd: " + ArabicTitle)) + "?=\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + ArabicDateline + "\r\n\r\n" + ArabicParagraph + "\r\n\r\n-- \r\nالمكتب الإعلامي\r\nهاتف 123\r\n";

        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(eml), "mail.eml");

        Assert.Equal("eml", document.Format);
        Assert.Equal(ArabicTitle, document.Title);
        Assert.Equal([ArabicDateline, ArabicParagraph], document.Paragraphs);
    }

    [Fact]
    public async Task Eml_with_only_html_body_reads_the_html()
    {
        var eml = "From: press@example.org\r\nSubject: Budget approved\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + "<html><body><p>The cabinet approved the budget.</p><p>Spending rises 4%.</p><script>x()</script></body></html>\r\n";

        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(eml), "mail");

        Assert.Equal("Budget approved", document.Title);
        Assert.Equal(["The cabinet approved the budget.", "Spending rises 4%."], document.Paragraphs);
    }

    [Fact]
    public async Task Eml_with_empty_body_reads_its_pdf_attachment()
    {
        var sample = HostileCorpus.Get("hostile/docx-attachment.eml");
        var document = await TestReaders.ReadAsync(sample.Bytes, "forwarded.eml");
        Assert.Equal("eml", document.Format);
        Assert.NotEmpty(document.Paragraphs);
    }

    [Fact]
    public async Task Same_release_in_different_formats_has_the_same_normalized_hash()
    {
        var txt = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(ArabicTitle + "\n\n" + ArabicParagraph), "a.txt");
        var docx = await TestReaders.ReadAsync(DocxFixture.Build(ArabicTitle, [ArabicParagraph], rightToLeft: true), "a.docx");

        Assert.Equal(txt.NormalizedSha256, docx.NormalizedSha256);
        Assert.NotEqual(txt.OriginalSha256, docx.OriginalSha256);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ArabicTitle + "\n\n" + ArabicParagraph))), txt.OriginalSha256);
    }

    [Fact]
    public async Task Limits_come_from_options()
    {
        var limits = new DocumentLimits { MaxOriginalBytes = 100 };
        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => TestReaders.ReadAsync(new byte[101], "x.txt", limits));
        Assert.Equal(RejectionReason.TooLarge, ex.Reason);
    }

    [Fact]
    public async Task Seed_release_reads_with_title_dateline_and_all_paragraphs()
    {
        var bytes = await File.ReadAllBytesAsync(Infrastructure.RepoPaths.SeedRelease);
        var raw = Encoding.UTF8.GetString(bytes);

        var document = await TestReaders.ReadAsync(bytes, "000.txt");

        Assert.Equal("الحوار الاستراتيجي الرابع بين دولة قطر ومكتب الأمم المتحدة لمكافحة الإرهاب يبحث مجالات التعاون", document.Title);
        Assert.Equal(new Dateline("الدوحة", "المكتب الإعلامي", "29 مارس", new DateOnly(2026, 3, 29)), document.Dateline);
        Assert.Equal("الدوحة – المكتب الإعلامي - 29 مارس", document.Paragraphs[0]);
        Assert.StartsWith("بحث الحوار الاستراتيجي الرابع رفيع المستوى", document.Paragraphs[1], StringComparison.Ordinal);
        Assert.Equal("ar", document.Language);

        // Nothing is lost: every word of the original is in the text, in order.
        var words = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(' ', words), string.Join(' ', document.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var paragraphsInSource = raw.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
        Assert.Equal(paragraphsInSource, document.Paragraphs.Count + 1);
    }

    static byte[] Windows1256(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256).GetBytes(text);
    }
}
