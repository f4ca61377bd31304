using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Admin;

/// <summary><c>pressroom instances …</c> and <c>pressroom watch</c> as an operator runs them, against the real runtime's admin API.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class AdminCliTests(AdminRuntimeFixture fixture) : IClassFixture<AdminRuntimeFixture>
{
    [Fact]
    public async Task Cli_lists_shows_retries_and_watches_over_the_admin_api()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        var ok = await fixture.StartReleaseAsync("cli/fine.txt");
        var failed = await fixture.StartReleaseAsync("cli/broken.txt", "[[fail:cli]]");
        await fixture.WaitForStatusAsync(ok, OrchestrationRuntimeStatus.Completed);
        await fixture.WaitForStatusAsync(failed, OrchestrationRuntimeStatus.Failed);

        var (code, json, _) = await CliAsync("instances", "list", "--status", "Failed", "--json", "--key", AdminRuntimeFixture.ReaderKey);
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(json).RootElement.GetProperty("instances").EnumerateArray().ToList();
        Assert.Equal("cli/broken.txt", Assert.Single(rows).GetProperty("fileName").GetString());

        var (listCode, table, _) = await CliAsync("instances", "list", "--release", "cli/", "--key", AdminRuntimeFixture.ReaderKey);
        Assert.Equal(0, listCode);
        Assert.Contains("cli/fine.txt", table);
        Assert.Contains("Failed", table);

        var (showCode, shown, _) = await CliAsync("instances", "show", failed, "--key", AdminRuntimeFixture.ReaderKey);
        Assert.Equal(0, showCode);
        Assert.Contains("refused release cli", shown);
        Assert.Contains(TaskNames.ExtractEntities, shown);

        var (forbidden, _, forbiddenError) = await CliAsync("instances", "retry", failed, "--reason", "reader tries", "--key", AdminRuntimeFixture.ReaderKey);
        Assert.Equal(1, forbidden);
        Assert.Contains("403", forbiddenError);

        fixture.Script.Heal("cli");
        var (retryCode, retried, _) = await CliAsync("instances", "retry", failed, "--reason", "fixed from the terminal");
        Assert.Equal(0, retryCode);
        Assert.Contains("Done", retried);
        await fixture.WaitForStatusAsync(failed, OrchestrationRuntimeStatus.Completed);

        var (watchCode, watched, _) = await CliAsync("watch", "--since", since, "--timeout", "30");
        Assert.Equal(0, watchCode);
        Assert.Contains("Completed", watched);
        Assert.Contains("nothing failed", watched);

        var (unreachable, _, unreachableError) = await CliAsync("instances", "list", "--url", "http://127.0.0.1:1");
        Assert.Equal(2, unreachable);
        Assert.Contains("Cannot reach", unreachableError);
    }

    async Task<(int Code, string Out, string Error)> CliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(PressroomBuild.Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (!args.Contains("--url"))
        {
            start.ArgumentList.Add("--url");
            start.ArgumentList.Add(fixture.Runtime.Url);
        }

        if (!args.Contains("--key"))
        {
            start.ArgumentList.Add("--key");
            start.ArgumentList.Add(AdminRuntimeFixture.AdminKey);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
