using System.Text.Json;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Admin;

/// <summary>The Functions app exposes the admin API on the same routes as the local host (from the generated functions.metadata), guarded by PressRoom's keys rather than the host's master key.</summary>
public sealed class FunctionsAdminTriggerTests
{
    [Fact]
    public void Admin_routes_are_anonymous_http_triggers_on_the_local_hosts_routes()
    {
        var metadata = Path.Combine(PressroomBuild.FunctionsOutput, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(metadata));
        var triggers = document.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("name").GetString()!.StartsWith("Admin", StringComparison.Ordinal))
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger"));

        var expected = new Dictionary<string, (string Method, string Route)>
        {
            ["AdminListInstances"] = ("get", "admin/instances"),
            ["AdminCountInstances"] = ("get", "admin/instances/counts"),
            ["AdminGetInstance"] = ("get", "admin/instances/{id}"),
            ["AdminInstanceAction"] = ("post", "admin/instances/{id}/{action:regex(^(terminate|restart|rewind)$)}"),
            ["AdminPurgeInstance"] = ("delete", "admin/instances/{id}"),
            ["AdminRetryFailed"] = ("post", "admin/instances/retry-failed"),
            ["AdminPurgeInstances"] = ("delete", "admin/instances"),
        };
        foreach (var (name, (method, route)) in expected)
        {
            var trigger = triggers[name];
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
            Assert.Equal(route, trigger.GetProperty("route").GetString());
            Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!));
        }

        Assert.Equal("Anonymous", triggers["AdminDashboard"].GetProperty("authLevel").GetString());
        Assert.Equal(expected.Count + 1, triggers.Count);
    }
}
