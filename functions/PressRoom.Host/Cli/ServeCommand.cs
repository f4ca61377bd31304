using System.CommandLine;
using PressRoom.Host.Runtime;

namespace PressRoom.Host.Cli;

/// <summary><c>pressroom serve</c>: run the local runtime until Ctrl+C / SIGTERM.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the local runtime: durable engine, blob watcher and HTTP API on 127.0.0.1:7071");
        command.SetAction(async (_, ct) =>
        {
            await using var runtime = await LocalRuntime.StartAsync([], watch: true, ct);
            await Console.Error.WriteLineAsync($"PressRoom runtime listening on {runtime.Url} (process {Environment.ProcessId}); Ctrl+C to stop.");
            try
            {
                await runtime.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: fall through to an orderly stop.
            }

            return 0;
        });
        return command;
    }
}
