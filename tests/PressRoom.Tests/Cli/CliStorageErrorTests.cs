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
}
