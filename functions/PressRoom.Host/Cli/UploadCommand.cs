using System.CommandLine;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Cli;

/// <summary><c>pressroom upload FILE...</c>: put releases into the <c>releases</c> container of the configured storage.</summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Arity = ArgumentArity.OneOrMore };
        var name = new Option<string?>("--name") { Description = "Blob name (default: the file name); only with one file" };
        var command = new Command("upload", "Upload releases to the releases container") { files, name };
        command.SetAction(async (parse, ct) =>
        {
            var storage = CliConfiguration.Storage(CliConfiguration.Build());
            await storage.EnsureCreatedAsync(ct);
            var uploader = new ReleaseUploader(storage);
            foreach (var file in parse.GetValue(files)!)
            {
                await using var stream = file.OpenRead();
                var id = await uploader.UploadAsync(parse.GetValue(name) ?? file.Name, stream, ct);
                Console.WriteLine($"{id}\t{file.Name}");
            }

            return 0;
        });
        return command;
    }
}
