using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PressRoom.Tests.Infra;

/// <summary>
/// The Bicep CLI restored by the test project's <c>PackageDownload</c> (Azure.Bicep.CommandLine.linux-x64). Its path
/// is written into the test assembly at build time, so nothing here guesses where the NuGet cache is.
/// </summary>
public sealed class BicepCli
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    BicepCli(string executablePath) => ExecutablePath = executablePath;

    public string ExecutablePath { get; }

    public static BicepCli Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCliPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at '{path}': restore tests/PressRoom.Infra.Tests (dotnet restore), which downloads Azure.Bicep.CommandLine.linux-x64.");
        }

        // NuGet does not always keep the execute bit of a package file; the binary is ours to run.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }

        return new BicepCli(path);
    }

    /// <summary>Runs <c>bicep</c> with the given arguments; never restores registry modules (CI has no registry).</summary>
    public async Task<BicepRun> RunAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', start.ArgumentList)} did not finish within {Timeout}.");
        }

        return new BicepRun(string.Join(' ', start.ArgumentList), process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>One run of the Bicep CLI and the diagnostics it printed (errors, warnings and infos alike).</summary>
public sealed partial record BicepRun(string Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<BicepDiagnostic> Diagnostics =>
        (StandardError + "\n" + StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => DiagnosticLine().Match(line))
            .Where(match => match.Success)
            .Select(match => new BicepDiagnostic(
                Path.GetFileName(match.Groups["file"].Value),
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["level"].Value,
                match.Groups["code"].Value,
                match.Groups["message"].Value))
            .Distinct()
            .ToList();

    /// <summary>Everything the run said, for a failure message.</summary>
    public string Transcript => $"bicep {Arguments} exited {ExitCode}\n{StandardError}\n{StandardOutput}".Trim();

    // e.g. "/x/infra/main.bicep(12,3) : Warning no-unused-params: Parameter "p" is declared but never used. [...]"
    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:\s]+): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}

public sealed record BicepDiagnostic(string File, int Line, string Level, string Code, string Message)
{
    public override string ToString() => $"{File}({Line}) {Level} {Code}: {Message}";
}
