using Microsoft.Extensions.DependencyInjection;
using PressRoom.Host.Runtime;

namespace PressRoom.Tests.Infrastructure;

/// <summary>Starts the real local runtime in this process against a given storage, on its own task hub and a free API port.</summary>
public static class TestRuntime
{
    public static Task<LocalRuntime> StartAsync(string connectionString, bool watch = true, params string[] extraSettings) =>
        StartAsync(connectionString, watch, null, extraSettings);

    /// <param name="configureServices">Replaces services after the pipeline is registered (for example a provider that throws).</param>
    public static Task<LocalRuntime> StartAsync(string connectionString, bool watch, Action<IServiceCollection>? configureServices, params string[] extraSettings)
    {
        var args = new List<string>
        {
            $"--AzureWebJobsStorage={connectionString}",
            $"--PressRoom:TaskHub={NewTaskHub()}",
            "--PressRoom:Url=http://127.0.0.1:0",
            "--PressRoom:WatchInterval=00:00:00.250",
        };
        args.AddRange(extraSettings.Select(s => "--" + s));
        return LocalRuntime.StartAsync([.. args], watch, CancellationToken.None, configureServices);
    }

    public static string NewTaskHub() => "t" + Guid.NewGuid().ToString("N")[..12];
}
