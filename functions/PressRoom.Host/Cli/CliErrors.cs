using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Options;
using PressRoom.Host.Runtime;

namespace PressRoom.Host.Cli;

/// <summary>Turns the failures a command line user can fix into one plain line and an exit code, not a stack trace.</summary>
public static class CliErrors
{
    /// <summary>Exit code when storage (Azurite or an Azure account) cannot be reached.</summary>
    public const int StorageUnreachable = 3;

    /// <summary>Exit code for a bad setting or a missing dependency (Azurite, Node.js): fix the setup and run again.</summary>
    public const int BadSetup = 2;

    public static async Task<int> RunAsync(Func<Task<int>> command, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await command();
        }
        catch (StartupException ex)
        {
            await error.WriteLineAsync($"pressroom: {ex.Message}");
            return BadSetup;
        }
        catch (OptionsValidationException ex)
        {
            // A validator the pre-start check did not cover (registered by a later component): still one line.
            await error.WriteLineAsync($"pressroom: configuration error: {string.Join(" ", ex.Failures)}");
            return BadSetup;
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
