using System.Text;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Documents.Limits;
using PressRoom.Tests.Documents.Fixtures;

namespace PressRoom.Tests.Documents;

/// <summary>
/// The Documents:* budgets are enforced while a parser works, not after: each test sets a budget and shows the reader
/// stops with the right reason, memory stays small for a decompression bomb, and a cancelled read stops.
/// </summary>
public sealed class ParserBudgetTests
{
    [Fact]
    public async Task A_pdf_flate_bomb_is_rejected_while_inflating_with_little_memory()
    {
        var bomb = HostileCorpus.Get("hostile/flate-bomb.pdf").Bytes;
        Assert.True(bomb.Length < 400 * 1024, $"the bomb is {bomb.Length:N0} bytes");

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => TestReaders.ReadAsync(bomb, "bomb.pdf"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(RejectionReason.UnsafeContent, ex.Reason);
        Assert.Contains("decompression bomb", ex.Message, StringComparison.Ordinal);

        // 106 MB decoded, but only counted: what is allocated is the input copy and a few buffers.
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated:N0} bytes while rejecting");
    }

    [Fact]
    public async Task The_per_document_decoded_budget_stops_a_pdf_whose_streams_are_each_within_the_stream_budget()
    {
        var pdf = BombFixture.PdfFlateBomb(3L * 1024 * 1024);
        var limits = new DocumentLimits { MaxPdfStreamBytes = 8L * 1024 * 1024, MaxPdfDecodedBytes = 2L * 1024 * 1024 };

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => TestReaders.ReadAsync(pdf, "big.pdf", limits));

        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Contains("in all", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_budget_counts_decoded_bytes_and_glyphs_of_a_normal_pdf()
    {
        var pdf = BombFixture.PdfGlyphBomb(5_000);

        var use = PdfStreamBudget.Check(pdf, new DocumentLimits(), CancellationToken.None);

        Assert.Equal(5_000, use.Glyphs);
        Assert.Equal(5 * "BT /F1 1 Tf 0 0 Td () Tj ET\n".Length + 5_000, use.DecodedBytes);
    }

    [Fact]
    public async Task A_pdf_drawing_more_glyphs_than_the_budget_is_rejected_before_pdfpig_lays_it_out()
    {
        var pdf = BombFixture.PdfGlyphBomb(20_000);

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => TestReaders.ReadAsync(pdf, "glyphs.pdf", new DocumentLimits { MaxPdfGlyphs = 10_000 }));

        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Contains("10,000 characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_glyph_counter_counts_literal_and_hex_strings_but_not_dictionaries_or_comments()
    {
        var counter = new PdfGlyphCounter();
        var content = "BT (Hello) Tj <48656C6C6F> Tj /P << /MCID 0 >> BDC (a\\)b (c)) Tj % (not counted)\n[(x) -20 (y)] TJ ET"u8;

        // Fed in two slices cut inside a string, as stream reads cut it.
        counter.Feed(content[..9]);
        counter.Feed(content[9..]);

        Assert.Equal(5 + 5 + 7 + 2, counter.Glyphs); // "Hello", 5 hex bytes, "a)b (c)", "x" "y"
    }

    [Fact]
    public void Pdf_ascii_and_run_length_filters_decode_as_specified()
    {
        Assert.Equal("Man "u8.ToArray(), AsciiFilters.Ascii85Decode("9jqo^~>"u8));
        Assert.Equal("Hello"u8.ToArray(), AsciiFilters.HexDecode("48 65 6C6c6F>"u8));

        using var runLength = new RunLengthReadStream(new MemoryStream([2, (byte)'a', (byte)'b', (byte)'c', 254, (byte)'x', 128, (byte)'z']));
        using var decoded = new MemoryStream();
        runLength.CopyTo(decoded);
        Assert.Equal("abcxxx"u8.ToArray(), decoded.ToArray());
    }

    [Fact]
    public async Task Html_with_more_elements_than_the_budget_is_stopped_while_parsing()
    {
        var html = BombFixture.HtmlManyElements(5_000);

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => TestReaders.ReadAsync(html, "many.html", new DocumentLimits { MaxHtmlElements = 1_000 }));

        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Contains("1,000 elements", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_budget_stops_the_parser_at_the_depth_limit_not_after_the_parse()
    {
        var budget = new HtmlParseBudget(new DocumentLimits { MaxNestingDepth = 50 }, CancellationToken.None);
        var parser = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { OnCreated = budget.OnCreated });

        var ex = Assert.Throws<DocumentRejectedException>(() => parser.ParseDocument(Encoding.UTF8.GetString(BombFixture.HtmlDeepNesting(100_000))));

        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.True(budget.Elements < 60, $"the parser created {budget.Elements} elements before it was stopped");
    }

    [Fact]
    public async Task A_flat_page_of_many_elements_within_the_budget_is_read()
    {
        var html = new StringBuilder("<html><body><h1>Flat page</h1><p>");
        for (int i = 0; i < 50_000; i++)
        {
            html.Append("<span>w</span> ");
        }

        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(html.Append("</p></body></html>").ToString()), "flat.html");

        Assert.Equal("Flat page", document.Title);
        Assert.Equal(50_000, document.Paragraphs.Single().Split(' ').Length);
    }

    [Fact]
    public async Task A_docx_part_over_the_part_budget_is_rejected()
    {
        var docx = BombFixture.DocxStylesBomb(20_000); // ~1.9 MB of styles

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => TestReaders.ReadAsync(docx, "styles.docx", new DocumentLimits { MaxXmlPartBytes = 1024 * 1024 }));

        Assert.Equal(RejectionReason.LimitExceeded, ex.Reason);
        Assert.Contains("word/styles.xml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Styles_are_streamed_and_title_and_heading_styles_found_by_name()
    {
        var docx = DocxFixture.Build("Heading from styles", ["Body paragraph of the release."]);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var context = new PressRoom.Pipeline.Documents.Formats.ExtractionContext(new DocumentLimits { MaxXmlPartBytes = 512 * 1024 }, "styled.docx", CancellationToken.None);

        var styles = DocxStyleReader.HeadingStyles(document.MainDocumentPart!, context);

        Assert.True(styles["Title"]);
    }

    [Fact]
    public void The_counting_stream_stops_a_reader_as_soon_as_the_limit_is_passed()
    {
        using var stream = new CountingReadStream(new MemoryStream(new byte[10_000]), 4_096, read => new InvalidDataException($"read {read}"), CancellationToken.None);
        var buffer = new byte[1_000];

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(1_000, stream.Read(buffer));
        }

        var ex = Assert.Throws<InvalidDataException>(() => stream.Read(buffer));
        Assert.Equal("read 5000", ex.Message);
    }

    public static TheoryData<string> CancellableInputs => ["html", "pdf", "docx"];

    [Theory]
    [MemberData(nameof(CancellableInputs))]
    public void A_cancelled_read_stops_instead_of_finishing(string format)
    {
        // Inputs that take seconds to read in full here (html 3 s, pdf 4 s, docx 1 s), with budgets raised so that only
        // the token can stop them; the token fires long before a machine several times faster could finish.
        var (bytes, name) = format switch
        {
            "html" => (HostileCorpus.Get("hostile/many-elements.html").Bytes, "many.html"),
            "pdf" => (HandWrittenPdf.Build([.. Enumerable.Range(0, 20_000).Select(i => (IReadOnlyList<PdfLineSpec>)[new PdfLineSpec($"Page {i} of a long report", 12, 700)])]), "long.pdf"),
            _ => (HostileCorpus.Get("hostile/styles-bomb.docx").Bytes, "styles.docx"),
        };
        var limits = new DocumentLimits
        {
            MaxHtmlElements = int.MaxValue,
            MaxPages = int.MaxValue,
            MaxXmlPartBytes = long.MaxValue,
            MaxUncompressedBytes = long.MaxValue,
            MaxExpansionRatio = double.MaxValue,
        };
        // The token is cancelled from a thread of its own: a timer-based CancellationTokenSource fires on the thread
        // pool, which the parallel test run can starve for longer than the read takes (the docx case then finished).
        using var cancellation = new CancellationTokenSource();
        var canceller = new Thread(() =>
        {
            Thread.Sleep(50);
            cancellation.Cancel();
        }) { IsBackground = true };
        var started = DateTime.UtcNow;
        canceller.Start();

        Assert.ThrowsAny<OperationCanceledException>(() => TestReaders.Create(limits).Read(bytes, name, cancellation.Token));
        canceller.Join();

        // Not a speed target: a read that ignored the token would finish (or be rejected) instead of throwing.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
    }
}
