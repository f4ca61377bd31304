using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Language;
using PressRoom.Tests.Documents.Fixtures;

namespace PressRoom.Benchmarks.Documents;

/// <summary>
/// `-- bomb NAME`: generates one resource bomb of the hostile corpus, then reads it once with the default
/// <see cref="DocumentLimits"/> in this fresh process and prints the reason, the time to reject, the peak resident
/// memory of the read (Linux: the high-water mark is reset after the bomb is generated, via /proc/self/clear_refs)
/// and the bytes the read allocated. Names: pdf-flate, pdf-glyphs, html-elements, html-depth, docx-styles; and
/// html-flat-N, a page of N empty elements read in full with the element budget lifted (time grows linearly).
/// </summary>
public static class BombProbe
{
    public static int Run(string name)
    {
        (byte[] Bytes, string File) bomb = name switch
        {
            "pdf-flate" => (BombFixture.PdfFlateBomb(106L * 1024 * 1024), "bomb.pdf"),
            "pdf-glyphs" => (BombFixture.PdfGlyphBomb(2_100_000), "bomb.pdf"),
            "html-elements" => (BombFixture.HtmlManyElements(2_800_000), "bomb.html"),
            "html-depth" => (BombFixture.HtmlDeepNesting(100_000), "bomb.html"),
            "docx-styles" => (BombFixture.DocxStylesBomb(850_000), "bomb.docx"),
            _ when name.StartsWith("html-flat-", StringComparison.Ordinal) => (BombFixture.HtmlManyElements(int.Parse(name["html-flat-".Length..], CultureInfo.InvariantCulture)), "flat.html"),
            _ => ([], string.Empty),
        };
        if (bomb.Bytes.Length == 0)
        {
            Console.Error.WriteLine("bomb: one of pdf-flate, pdf-glyphs, html-elements, html-depth, docx-styles");
            return 2;
        }

        // html-flat-N: N elements read in full (element budget lifted), to show the walk is linear in N.
        var limits = name.StartsWith("html-flat-", StringComparison.Ordinal) ? new DocumentLimits { MaxHtmlElements = int.MaxValue } : new DocumentLimits();
        var reader = new DocumentReader(Options.Create(limits), new ScriptLanguageDetector(), TimeProvider.System, NullLogger<DocumentReader>.Instance);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long rssBefore = ResidentKilobytes("VmRSS:");
        bool reset = TryResetPeak();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            var document = reader.Read(bomb.Bytes, bomb.File, CancellationToken.None);
            outcome = $"READ ({document.CharacterCount} characters)";
        }
        catch (DocumentRejectedException ex)
        {
            outcome = $"{ex.Reason}: {ex.Message}";
        }

        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long peak = ResidentKilobytes("VmHWM:");
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: input {bomb.Bytes.Length / 1024d:0} KB; {outcome}\n  time to the verdict {watch.Elapsed.TotalMilliseconds:0} ms; "
            + $"RSS before the read {rssBefore / 1024d:0} MB, peak during it {(reset ? peak / 1024d : double.NaN):0} MB "
            + $"(+{(reset ? (peak - rssBefore) / 1024d : double.NaN):0} MB); allocated {allocated / 1048576d:0.0} MB"));
        return 0;
    }

    /// <summary>Writing 5 to clear_refs resets the peak resident size (VmHWM) of this process (Linux 4.0+).</summary>
    static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    static long ResidentKilobytes(string field)
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) : null;
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
