using System.Diagnostics;

namespace PressRoom.Benchmarks.Documents;

/// <summary>
/// `-- peak FORMAT`: reads one ~20 MB input once in a fresh process and prints the process's peak working set
/// and the peak managed heap, which BenchmarkDotNet's allocation counts do not show.
/// </summary>
public static class PeakMemoryProbe
{
    public static void Run(string format)
    {
        var input = BenchmarkInputs.Create(format);
        var reader = DocumentReaderBenchmarks.CreateReader();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        long before = process.PeakWorkingSet64;
        var watch = Stopwatch.StartNew();
        var document = reader.Read(input, "release." + format, CancellationToken.None);
        watch.Stop();
        process.Refresh();
        Console.WriteLine(
            $"{format}: input {input.Length / 1048576d:0.0} MB, text {document.CharacterCount / 1e6:0.0} M chars, "
            + $"one read {watch.Elapsed.TotalSeconds:0.00} s, peak working set {process.PeakWorkingSet64 / 1048576d:0} MB "
            + $"(after generating input {before / 1048576d:0} MB), GC heap peak {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1048576d:0} MB");
    }
}
