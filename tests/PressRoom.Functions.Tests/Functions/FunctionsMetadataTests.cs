using System.Text.Json;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Functions;

/// <summary>The bindings the Functions host will read, from the functions.metadata the worker SDK generates at build.</summary>
public class FunctionsMetadataTests
{
    static readonly JsonElement[] Functions = Load();

    static JsonElement[] Load()
    {
        var path = Path.Combine(PressroomBuild.FunctionsOutput, "functions.metadata");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    static JsonElement Function(string name) => Functions.Single(f => f.GetProperty("name").GetString() == name);

    static JsonElement Binding(string function, string type) =>
        Function(function).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == type);

    [Fact]
    public void IngestRelease_is_an_Event_Grid_blob_trigger_on_releases_with_the_storage_connection()
    {
        var trigger = Binding("IngestRelease", "blobTrigger");
        Assert.Equal("releases/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
        Binding("IngestRelease", "durableClient");
    }

    [Fact]
    public void The_orchestration_and_every_activity_of_the_pipeline_are_functions_with_the_same_names()
    {
        Assert.Equal("orchestrationTrigger", Binding(TaskNames.ProcessRelease, "orchestrationTrigger").GetProperty("type").GetString());
        // Version 1 stays a function until the instances started before the upgrade have drained (docs/architecture.md).
        Assert.Equal("orchestrationTrigger", Binding(TaskNames.ProcessReleaseV1, "orchestrationTrigger").GetProperty("type").GetString());
        // Every activity of the typed place the orchestrators call through (ExtractEntities only for version 1);
        // DetectLanguage is a timing of ReadDocument, not an activity.
        var activities = typeof(PipelineTasks).GetFields().Select(f => f.GetValue(null)!.ToString()!).ToList();
        Assert.Equal(5, activities.Count);
        Assert.DoesNotContain(TaskNames.DetectLanguage, activities);
        Assert.All(activities, name => Binding(name, "activityTrigger"));
    }

    [Fact]
    public void The_instance_gauges_are_refreshed_every_minute_by_a_timer_with_a_durable_client()
    {
        var timer = Binding("RefreshInstanceGauges", "timerTrigger");
        Assert.Equal("0 */1 * * * *", timer.GetProperty("schedule").GetString());
        Binding("RefreshInstanceGauges", "durableClient");
    }

    [Fact]
    public void WithdrawRelease_reads_the_release_deletions_queue()
    {
        var trigger = Binding("WithdrawRelease", "queueTrigger");
        Assert.Equal(StorageNames.DeletionsQueue, trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void PurgeHistory_is_an_hourly_timer_with_a_durable_client()
    {
        var trigger = Binding("PurgeHistory", "timerTrigger");
        Assert.Equal(PressRoom.Functions.PurgeHistory.Schedule, trigger.GetProperty("schedule").GetString());
        Assert.Equal("0 17 * * * *", trigger.GetProperty("schedule").GetString());
        Binding("PurgeHistory", "durableClient");
    }

    [Fact]
    public void Host_json_is_the_repository_one_and_is_deployed_with_the_app()
    {
        var deployed = Path.Combine(PressroomBuild.FunctionsOutput, "host.json");
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")), File.ReadAllText(deployed));
    }
}
