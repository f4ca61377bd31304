using System.Diagnostics;
using System.Globalization;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Cli;

/// <summary>
/// Issue 18: every bad setting and missing dependency stops <c>serve</c> and <c>run</c> with one line on stderr and
/// exit code 2 — the built pressroom, run as a user runs it.
/// </summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData("serve", "Translation__Provider", "klingon", "Unknown Translation:Provider 'klingon'. Use none, azure or chat.")]
    [InlineData("serve", "Translation__Provider", "chat", "Translation:Chat:Endpoint must be an absolute http(s) URL ending in /v1")]
    [InlineData("run", "Translation__Provider", "klingon", "Unknown Translation:Provider 'klingon'.")]
    [InlineData("serve", "Entities__Provider", "magic", "Unknown Entities:Provider 'magic'. Use builtin, azure or both.")]
    [InlineData("run", "Entities__Provider", "magic", "Unknown Entities:Provider 'magic'.")]
    [InlineData("serve", "Documents__MaxOriginalBytes", "twenty", "'twenty' at 'Documents:MaxOriginalBytes'")]
    [InlineData("serve", "Documents__MaxOriginalBytes", "-5", "Documents:")]
    [InlineData("serve", "PressRoom__Url", "http://0.0.0.0:7071", "PressRoom:Url must be an http URL on 127.0.0.1, localhost or [::1]")]
    [InlineData("run", "PressRoom__Url", "not a url", "PressRoom:Url must be an http URL")]
    [InlineData("serve", "PressRoom__TaskHub", "bad-hub!", "PressRoom:TaskHub must be 3-45 letters or digits")]
    [InlineData("serve", "PressRoom__Engine__PartitionCount", "0", "PressRoom:Engine:PartitionCount must be from 1 to 16")]
    [InlineData("serve", "PressRoom__Engine__Host", "Sidecar", "PressRoom:Engine:Host must be TaskHubWorker (the default: DTFx's worker in process, with extended sessions) or GrpcSidecar (the gRPC task hub server) (got 'Sidecar').")]
    [InlineData("run", "PressRoom__Engine__Host", "1", "PressRoom:Engine:Host must be TaskHubWorker")]
    [InlineData("serve", "PressRoom__Engine__ExtendedSessionIdleTimeout", "00:00:00", "PressRoom:Engine:ExtendedSessionIdleTimeout must be a time span above zero and at most 00:10:00")]
    [InlineData("serve", "PressRoom__Engine__ExtendedSessions", "maybe", "'maybe' at 'PressRoom:Engine:ExtendedSessions'")]
    [InlineData("serve", "PressRoom__WatchInterval", "soon", "'soon' at 'PressRoom:WatchInterval'")]
    [InlineData("serve", "Translation__TargetLanguages", "english!", "Translation:TargetLanguages has 'english!'")]
    [InlineData("serve", "Api__MaxConcurrentUploads", "0", "Api:MaxConcurrentUploads must be from 1 to 1000")]
    [InlineData("serve", "Admin__StuckAfter", "00:00:00", "Admin:StuckAfter must be a positive time span")]
    public async Task A_bad_setting_is_one_line_and_exit_code_2(string command, string key, string value, string expected)
    {
        var (exit, stderr) = await RunAsync(command, PressroomBuild.Dll, new Dictionary<string, string?> { [key] = value });

        Assert.Equal(CliErrors.BadSetup, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pressroom: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_node_says_so_in_one_line_and_exits_2()
    {
        var (exit, stderr) = await RunAsync("run", PressroomBuild.Dll, new Dictionary<string, string?> { ["PATH"] = Path.Combine(Path.GetTempPath(), "no-such-dir") });

        Assert.Equal(CliErrors.BadSetup, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pressroom: Node.js is not installed", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_Azurite_installed_says_so_in_one_line_and_exits_2()
    {
        // A copy of the program outside the repository, so no node_modules/.bin/azurite is found above it.
        var copy = Path.Combine(Path.GetTempPath(), $"pressroom-no-azurite-{Guid.NewGuid():N}");
        CopyDirectory(Path.GetDirectoryName(PressroomBuild.Dll)!, copy);
        try
        {
            var (exit, stderr) = await RunAsync("run", Path.Combine(copy, "pressroom.dll"), new Dictionary<string, string?>());

            Assert.Equal(CliErrors.BadSetup, exit);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("pressroom: Azurite is not installed", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    static async Task<(int Exit, string Stderr)> RunAsync(string command, string dll, Dictionary<string, string?> environment)
    {
        var work = Path.Combine(Path.GetTempPath(), $"pressroom-startup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var dotnet = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "/usr/bin/dotnet";
            var start = new ProcessStartInfo(File.Exists(dotnet) ? dotnet : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add(command);
            start.Environment.Remove(StorageNames.ConnectionName);

            // Free ports, so no Azurite of another test or engineer answers, and the data stays in the scratch directory.
            start.Environment["PressRoom__AzuriteBlobPort"] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture);
            start.Environment["PressRoom__AzuriteQueuePort"] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture);
            start.Environment["PressRoom__AzuriteTablePort"] = LoopbackPort.Free().ToString(CultureInfo.InvariantCulture);
            start.Environment["PressRoom__Url"] = "http://127.0.0.1:0";
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var error = await stderr;
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, await stdout);
            return (process.ExitCode, error);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
