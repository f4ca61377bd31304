using System.Diagnostics;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Cli;

/// <summary>A storage-only command run without storage says so in one line and exits with its own code.</summary>
public sealed class CliStorageErrorTests
{
    [Fact]
    public async Task Upload_without_reachable_storage_prints_one_line_and_exits_3()
    {
        var release = Path.Combine(Path.GetTempPath(), $"cli-unreachable-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(release, "بيان صحفي قصير للاختبار.");
        try
        {
            // Nothing listens on a port that was just free.
            var port = LoopbackPort.Free();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            start.ArgumentList.Add(PressroomBuild.Dll);
            start.ArgumentList.Add("upload");
            start.ArgumentList.Add(release);
            start.Environment[StorageNames.ConnectionName] = AzuriteConnection.Create(port, port, port);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);

            var error = await stderr;
            Assert.Equal(CliErrors.StorageUnreachable, process.ExitCode);
            Assert.StartsWith("pressroom: storage is not reachable.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, await stdout);
        }
        finally
        {
            File.Delete(release);
        }
    }

    [Fact]
    public async Task Upload_under_a_name_the_rule_refuses_prints_one_line_and_exits_2_before_touching_storage()
    {
        var release = Path.Combine(Path.GetTempPath(), $"cli-bad-name-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(release, "Title\n\nBody.");
        try
        {
            // Storage points at a port nothing listens on: the name check must come first (exit 2, not 3).
            var port = LoopbackPort.Free();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
            start.ArgumentList.Add(PressroomBuild.Dll);
            start.ArgumentList.Add("upload");
            start.ArgumentList.Add(release);
            start.ArgumentList.Add("--name");
            start.ArgumentList.Add("escape\u001B.txt");
            start.Environment[StorageNames.ConnectionName] = AzuriteConnection.Create(port, port, port);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);

            var error = await stderr;
            Assert.Equal(2, process.ExitCode);
            Assert.Contains("'escape<U+001B>.txt': The file name contains a control character (U+001B)", error, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001B", error, StringComparison.Ordinal); // the raw escape never reaches the terminal
            Assert.Equal(string.Empty, await stdout);
        }
        finally
        {
            File.Delete(release);
        }
    }
}
