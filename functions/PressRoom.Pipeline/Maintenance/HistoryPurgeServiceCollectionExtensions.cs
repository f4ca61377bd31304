using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PressRoom.Pipeline.Maintenance;

/// <summary>Registers <see cref="HistoryPurge"/> and its options for either host.</summary>
public static class HistoryPurgeServiceCollectionExtensions
{
    public static IServiceCollection AddHistoryPurge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HistoryRetentionOptions>()
            .Bind(configuration.GetSection(HistoryRetentionOptions.Section))
            .Validate(o => o.IsValid(), "PressRoom:HistoryRetention and PressRoom:HistoryPurgeInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HistoryPurge>();
        return services;
    }
}
