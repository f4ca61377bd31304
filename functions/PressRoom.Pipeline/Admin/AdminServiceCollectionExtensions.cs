using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PressRoom.Pipeline.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The admin API's services. A host replaces <see cref="IOrchestrationBackend"/> when its backend differs.</summary>
    public static IServiceCollection AddPressRoomAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>(); // bound to Admin:* by AddPressRoomPipeline
        services.TryAddSingleton<IOrchestrationBackend, DurableClientBackend>();
        services.AddSingleton<AdminActionLog>();
        services.AddSingleton<AdminInstanceQueries>();
        services.AddSingleton<AdminInstanceActions>();
        services.AddMetrics();
        services.TryAddSingleton<Telemetry.InstanceGauges>();
        return services;
    }
}
