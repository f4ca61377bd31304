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
            // Every name is checked before anything is uploaded, with the rule every other entry uses.
            var uploads = parse.GetValue(files)!.Select(file => (File: file, BlobName: parse.GetValue(name) ?? file.Name)).ToList();
            foreach (var (file, blobName) in uploads)
            {
                if (BlobNameRules.Check(blobName) is { IsValid: false } bad)
                {
                    await Console.Error.WriteLineAsync($"pressroom: cannot upload {file.Name} as '{BlobNameRules.Printable(blobName)}': {bad.Problem}");
                    return 2;
                }
            }

            var storage = CliConfiguration.Storage(CliConfiguration.Build());
            await storage.EnsureCreatedAsync(ct);
            var uploader = new ReleaseUploader(storage);
            foreach (var (file, blobName) in uploads)
            {
                await using var stream = file.OpenRead();
                var id = await uploader.UploadAsync(blobName, stream, ct);
                Console.WriteLine($"{id}\t{file.Name}");
            }

            return 0;
        });
        return command;
    }
}
