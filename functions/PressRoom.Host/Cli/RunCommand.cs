using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using Spectre.Console;

namespace PressRoom.Host.Cli;

/// <summary><c>pressroom run [FILES] [--serve]</c>: process files (default: samples/) end to end and print the results.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Releases to process (default: every file in samples/)", Arity = ArgumentArity.ZeroOrMore };
        var serve = new Option<bool>("--serve") { Description = "Keep the runtime up (HTTP on 127.0.0.1:7071) until Ctrl+C" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the releases", DefaultValueFactory = _ => 300 };
        var command = new Command("run", "Start the local runtime, process releases and print a results table") { files, serve, timeout };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(files) ?? [], parse.GetValue(serve), TimeSpan.FromSeconds(parse.GetValue(timeout)), ct));
        return command;
    }

    static async Task<int> RunAsync(FileInfo[] files, bool serve, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (files.Length == 0)
        {
            var samples = new DirectoryInfo("samples");
            files = samples.Exists ? samples.GetFiles().Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray() : [];
        }

        var missing = files.Where(f => !f.Exists).ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Not found: {string.Join(", ", missing.Select(f => f.FullName))}");
            return 2;
        }

        await using var runtime = await LocalRuntime.StartAsync([], watch: true, cancellationToken);
        var uploader = runtime.Services.GetRequiredService<ReleaseUploader>();
        var releases = new List<string>();
        foreach (var file in files)
        {
            await using var stream = file.OpenRead();
            releases.Add(await uploader.UploadAsync(file.Name, stream, cancellationToken));
        }

        await Console.Error.WriteLineAsync($"Uploaded {releases.Count} release(s); waiting for their orchestrations…");
        var ended = await ReleaseWaiter.WaitAsync(runtime.Client, releases, timeout, null, cancellationToken);

        var queries = runtime.Services.GetRequiredService<ReleaseQueries>();
        var rows = new List<ReleaseRow>();
        foreach (var id in releases.Distinct(StringComparer.Ordinal))
        {
            if (await queries.GetAsync(id, cancellationToken) is { } row)
            {
                rows.Add(row);
            }
        }

        var console = Terminal.Create();
        console.Write(ReleaseTable.Render(rows));
        console.WriteLine($"Outputs: Table storage (Releases, ReleaseEntities, {StorageNames.EntityIndexTable}), blobs processed/<release id>/release.json, queue {StorageNames.EventsQueue}.");
        console.WriteLine($"Storage: {(runtime.UsesLocalAzurite ? $"Azurite, data under {runtime.AzuriteDataDirectory}" : "the configured AzureWebJobsStorage account")}.");

        if (serve)
        {
            console.WriteLine($"Serving on {runtime.Url}; press Ctrl+C to stop.");
            await runtime.WaitForShutdownAsync(cancellationToken);
        }

        var unfinished = releases.Count(id => !ended.ContainsKey(id));
        if (unfinished > 0)
        {
            await Console.Error.WriteLineAsync($"{unfinished} release(s) did not finish within {timeout.TotalSeconds:0} s.");
            return 1;
        }

        return 0;
    }
}
