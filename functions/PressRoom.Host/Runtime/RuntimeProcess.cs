using System.Diagnostics;
using System.Text;

namespace PressRoom.Host.Runtime;

/// <summary>A child <c>pressroom serve</c> process, as an operator would run it: for scale-out runs, benchmarks and crash tests (SIGKILL).</summary>
public sealed class RuntimeProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();

    RuntimeProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    /// <summary>"running", or how the process ended (a test's failure message says whether the runtime died).</summary>
    public string State => process.HasExited ? $"exited with code {process.ExitCode}" : "running";

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>This program's own entry assembly (pressroom.dll).</summary>
    public static string OwnDll => typeof(RuntimeProcess).Assembly.Location;

    /// <param name="settings">Configuration as environment variables (PressRoom__TaskHub, …).</param>
    public static RuntimeProcess Start(string pressroomDll, string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(pressroomDll)!,
        };
        start.ArgumentList.Add(pressroomDll);
        start.ArgumentList.Add("serve");
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["PressRoom__Url"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var runtime = new RuntimeProcess(process);
        process.OutputDataReceived += (_, e) => runtime.Append(e.Data);
        process.ErrorDataReceived += (_, e) => runtime.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runtime;
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no draining — a crash.</summary>
    public void KillHard()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
