using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Host.Cli;

/// <summary>Configuration and storage for commands that only talk to storage (upload, status).</summary>
public static class CliConfiguration
{
    public static IConfiguration Build() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>The configured storage, or the Azurite a running <c>pressroom serve</c> started on the default ports.</summary>
    public static PressRoomStorage Storage(IConfiguration configuration)
    {
        if (!string.IsNullOrEmpty(configuration[StorageNames.ConnectionName]) || configuration.GetSection(StorageNames.ConnectionName).GetChildren().Any())
        {
            return PressRoomStorage.FromConfiguration(configuration);
        }

        var options = configuration.GetSection(LocalRuntimeOptions.Section).Get<LocalRuntimeOptions>() ?? new LocalRuntimeOptions();
        return PressRoomStorage.FromConnectionString(AzuriteConnection.Create(options.AzuriteBlobPort, options.AzuriteQueuePort, options.AzuriteTablePort));
    }
}
