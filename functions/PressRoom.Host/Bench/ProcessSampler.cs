using System.Globalization;

namespace PressRoom.Host.Bench;

/// <summary>Samples CPU time, resident memory, threads and open handles of processes from /proc (Linux), for the runtime's share of a run.</summary>
public sealed class ProcessSampler
{
    readonly Dictionary<int, (double Cpu, long PeakRss)> start = [];
    readonly Dictionary<int, long> peak = [];
    static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public void Start(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            start[pid] = (CpuSeconds(pid), Rss(pid));
            peak[pid] = Rss(pid);
        }
    }

    public void Sample()
    {
        foreach (var pid in peak.Keys.ToList())
        {
            peak[pid] = Math.Max(peak[pid], Rss(pid));
        }
    }

    /// <summary>CPU seconds used since Start, and peak resident set in MiB, per process.</summary>
    public IReadOnlyDictionary<int, (double CpuSeconds, double PeakMiB)> Result() =>
        start.ToDictionary(kv => kv.Key, kv => (CpuSeconds(kv.Key) - kv.Value.Cpu, peak[kv.Key] / 1024.0 / 1024.0));

    static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Resident set in bytes (VmRSS); 0 when the process is gone.</summary>
    public static long Rss(int pid) => StatusField(pid, "VmRSS:") * 1024;

    /// <summary>Threads of the process (the Threads line of /proc/PID/status).</summary>
    public static int Threads(int pid) => (int)StatusField(pid, "Threads:");

    /// <summary>Open file descriptors (files, sockets, pipes, epoll): the entries of /proc/PID/fd.</summary>
    public static int Handles(int pid)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    static long StatusField(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
