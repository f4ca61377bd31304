using System.Net.Sockets;
using Azure;

namespace PressRoom.Host.Cli;

/// <summary>Turns the failures a command line user can fix into one plain line and an exit code, not a stack trace.</summary>
public static class CliErrors
{
    /// <summary>Exit code when storage (Azurite or an Azure account) cannot be reached.</summary>
    public const int StorageUnreachable = 3;

    public static async Task<int> RunAsync(Func<Task<int>> command, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await command();
        }
        catch (Exception ex) when (IsUnreachableStorage(ex))
        {
            await error.WriteLineAsync(
                "pressroom: storage is not reachable. Start `pressroom serve` (it starts Azurite) or set AzureWebJobsStorage " +
                $"to a reachable account. ({Innermost(ex).Message})");
            return StorageUnreachable;
        }
    }

    static bool IsUnreachableStorage(Exception ex) => ex switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnreachableStorage),
        RequestFailedException { Status: 0, InnerException: { } inner } => IsUnreachableStorage(inner),
        HttpRequestException { InnerException: SocketException } => true,
        SocketException => true,
        _ => false,
    };

    static Exception Innermost(Exception ex) => ex is AggregateException { InnerExceptions.Count: > 0 } a ? Innermost(a.InnerExceptions[0]) : ex.InnerException is { } inner ? Innermost(inner) : ex;
}
