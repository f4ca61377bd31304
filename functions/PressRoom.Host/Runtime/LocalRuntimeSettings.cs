using Microsoft.Extensions.Options;
using PressRoom.Web;
using PressRoom.Pipeline.Configuration;

namespace PressRoom.Host.Runtime;

/// <summary>
/// Checks every setting before the runtime starts anything (Azurite, the engine, the port): the pipeline's
/// registration and its <c>ValidateOnStart</c> validators run against a throw-away service provider, so a typo costs
/// one line and exit code 2 instead of a stack trace after Azurite was already started.
/// </summary>
public static class LocalRuntimeSettings
{
    public static void Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        EngineHostSetting.Check(configuration);
        var services = new ServiceCollection();
        services.AddLogging();
        try
        {
            services.AddPressRoomPipeline(configuration).AddPressRoomApi(configuration);
            services.AddOptions<LocalRuntimeOptions>().Bind(configuration.GetSection(LocalRuntimeOptions.Section)).ValidateOnStart();
            services.AddSingleton<IValidateOptions<LocalRuntimeOptions>, LocalRuntimeOptionsValidator>();
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupException("configuration error: " + string.Join(" ", ex.Failures));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new StartupException("configuration error: " + string.Join(" ", ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)));
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder ("Failed to convert configuration value 'abc' at 'Documents:MaxOriginalBytes' to
            // type 'System.Int64'") and the provider registration both say what is wrong in their message.
            throw new StartupException("configuration error: " + ex.Message.ReplaceLineEndings(" "));
        }
    }
}

/// <summary><c>PressRoom:*</c>: the address must be loopback HTTP, ports real ports, the task hub a name storage accepts.</summary>
public sealed class LocalRuntimeOptionsValidator : IValidateOptions<LocalRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || !LoopbackRequestGuard.IsLoopbackName(url.Host))
        {
            failures.Add($"PressRoom:Url must be an http URL on 127.0.0.1, localhost or [::1], such as http://127.0.0.1:7071 (got '{options.Url}').");
        }

        foreach (var (key, port) in new[] { ("AzuriteBlobPort", options.AzuriteBlobPort), ("AzuriteQueuePort", options.AzuriteQueuePort), ("AzuriteTablePort", options.AzuriteTablePort) })
        {
            if (port is < 1 or > 65535)
            {
                failures.Add($"PressRoom:{key} must be a port from 1 to 65535 (got {port}).");
            }
        }

        // Azure Storage task hub names become queue and table names: a letter, then letters or digits, 3-45 in all.
        if (string.IsNullOrEmpty(options.TaskHub) || options.TaskHub.Length is < 3 or > 45 || !char.IsAsciiLetter(options.TaskHub[0]) || !options.TaskHub.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add($"PressRoom:TaskHub must be 3-45 letters or digits starting with a letter (got '{options.TaskHub}').");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("PressRoom:DataDirectory must name a directory.");
        }

        if (options.WatchInterval <= TimeSpan.Zero)
        {
            failures.Add($"PressRoom:WatchInterval must be a positive time span such as 00:00:01 (got {options.WatchInterval}).");
        }

        if (options.PoisonThreshold < 1)
        {
            failures.Add($"PressRoom:PoisonThreshold must be at least 1 (got {options.PoisonThreshold}).");
        }

        var engine = options.Engine;
        if (engine.PartitionCount is < 1 or > 16)
        {
            failures.Add($"PressRoom:Engine:PartitionCount must be from 1 to 16 (got {engine.PartitionCount}).");
        }

        if (engine.MaxConcurrentActivities < 1 || engine.MaxConcurrentOrchestrations < 1)
        {
            failures.Add("PressRoom:Engine:MaxConcurrentActivities and MaxConcurrentOrchestrations must be at least 1.");
        }

        if (new[] { engine.WorkItemVisibilityTimeout, engine.ControlQueueVisibilityTimeout, engine.MaxQueuePollingInterval, engine.LeaseInterval, engine.LeaseRenewInterval, engine.LeaseAcquireInterval }.Any(t => t <= TimeSpan.Zero))
        {
            failures.Add("PressRoom:Engine time spans (visibility timeouts, polling and lease intervals) must be positive.");
        }

        if (!Enum.IsDefined(engine.Host))
        {
            failures.Add(EngineHostSetting.Error(engine.Host.ToString()));
        }

        // A session holds the orchestration's history in memory; beyond minutes it only hoards memory and partitions' work.
        if (engine.ExtendedSessionIdleTimeout <= TimeSpan.Zero || engine.ExtendedSessionIdleTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"PressRoom:Engine:ExtendedSessionIdleTimeout must be a time span above zero and at most 00:10:00, such as 00:00:30 (got {engine.ExtendedSessionIdleTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// <c>PressRoom:Engine:Host</c> checked by name before binding: the binder's own error for an unknown enum name does not
/// list the allowed values, and it silently accepts any number.
/// </summary>
public static class EngineHostSetting
{
    public const string Key = LocalRuntimeOptions.Section + ":Engine:Host";

    public static void Check(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (value is null)
        {
            return;
        }

        var known = Enum.GetNames<EngineHost>().Any(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!known)
        {
            throw new StartupException("configuration error: " + Error(value));
        }
    }

    public static string Error(string value) =>
        $"{Key} must be {nameof(EngineHost.TaskHubWorker)} (the default: DTFx's worker in process, with extended sessions) or {nameof(EngineHost.GrpcSidecar)} (the gRPC task hub server) (got '{value}').";
}
