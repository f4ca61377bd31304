using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom migrate</c>: brings stored data to the current layout after an upgrade (today: the entity index,
/// <see cref="EntityIndexMigration"/>). Safe to run again; works on the configured storage, local or Azure.
/// </summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Copy data stored in an earlier layout into the current one (safe to repeat)");
        command.SetAction(async (_, ct) =>
        {
            var storage = CliConfiguration.Storage(CliConfiguration.Build());
            var result = await new EntityIndexMigration(storage, NullLogger<EntityIndexMigration>.Instance).RunAsync(ct);
            Console.WriteLine(result.LegacyRows == 0
                ? $"{StorageNames.LegacyEntityIndexTable}: nothing to migrate."
                : $"{StorageNames.LegacyEntityIndexTable}: {result.LegacyRows} rows copied to {StorageNames.EntityIndexTable} ({result.Copied} written).");
            return 0;
        });
        return command;
    }
}
