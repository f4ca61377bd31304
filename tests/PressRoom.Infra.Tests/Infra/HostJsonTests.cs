using System.Text.Json;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Infra;

/// <summary>Production host.json: Durable Task on identity-based storage, bounded concurrency, telemetry that keeps failures.</summary>
public sealed class HostJsonTests
{
    static JsonElement Host()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public void It_is_a_Functions_v2_plus_host_file()
    {
        Assert.Equal("2.0", Host().GetProperty("version").GetString());
    }

    [Fact]
    public void The_task_hub_name_comes_from_the_per_environment_setting()
    {
        var hubName = Host().At("extensions.durableTask.hubName").GetString()!;

        Assert.Equal("%DurableTaskHubName%", hubName);
        Assert.Contains(hubName.Trim('%'), AppSettingsContract.SetByTemplate);
    }

    [Fact]
    public void Durable_Task_uses_Azure_Storage_through_the_identity_based_connection()
    {
        var provider = Host().At("extensions.durableTask.storageProvider");

        Assert.Equal("AzureStorage", provider.GetProperty("type").GetString());
        var connection = provider.GetProperty("connectionName").GetString()!;
        Assert.Equal("AzureWebJobsStorage", connection);
        // The connection is the identity-based settings collection, not a connection string.
        Assert.Contains($"{connection}__credential", AppSettingsContract.SetByTemplate);
        Assert.Contains($"{connection}__tableServiceUri", AppSettingsContract.SetByTemplate);
        Assert.DoesNotContain(connection, AppSettingsContract.SetByTemplate);
    }

    [Fact]
    public void Concurrency_is_bounded_for_the_pipeline()
    {
        var durable = Host().At("extensions.durableTask");
        var partitions = durable.At("storageProvider.partitionCount").GetInt32();

        Assert.InRange(partitions, 1, 16); // Azure Storage provider limit
        Assert.InRange(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 32);
        Assert.InRange(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32(), 1, 64);
    }

    [Fact]
    public void Scale_out_settings_are_the_ones_sized_in_docs_benchmarks()
    {
        // docs/benchmarks.md, "Scale-out in Azure": 8 partitions let orchestration work spread over 8 instances at
        // 10,000 releases/hour (the partition count is fixed per task hub); extended sessions keep an orchestration
        // in memory between episodes, so its history is not reloaded for every activity result.
        var durable = Host().At("extensions.durableTask");

        Assert.Equal(8, durable.At("storageProvider.partitionCount").GetInt32());
        Assert.True(durable.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.InRange(durable.GetProperty("extendedSessionIdleTimeoutInSeconds").GetInt32(), 10, 60);
        Assert.Equal(8, durable.GetProperty("maxConcurrentActivityFunctions").GetInt32());
        Assert.Equal(16, durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32());
    }

    [Fact]
    public void Orchestration_payloads_are_not_traced()
    {
        // Inputs and outputs hold release text: keep them out of telemetry.
        Assert.False(Host().At("extensions.durableTask.tracing.traceInputsAndOutputs").GetBoolean());
    }

    [Fact]
    public void A_blob_that_keeps_failing_goes_to_the_poison_queue_after_a_few_tries()
    {
        Assert.InRange(Host().At("extensions.blobs.poisonBlobThreshold").GetInt32(), 1, 5);
    }

    [Fact]
    public void Sampling_never_drops_failures_or_invocations()
    {
        var sampling = Host().At("logging.applicationInsights.samplingSettings");
        var excluded = sampling.GetProperty("excludedTypes").GetString()!.Split(';', StringSplitOptions.TrimEntries);

        Assert.True(sampling.GetProperty("isEnabled").GetBoolean());
        Assert.Contains("Exception", excluded);
        Assert.Contains("Request", excluded);
    }

    [Fact]
    public void Function_results_are_logged_while_the_default_is_quiet()
    {
        var levels = Host().At("logging.logLevel");

        Assert.Equal("Warning", levels.GetProperty("default").GetString());
        Assert.Equal("Information", levels.GetProperty("Function").GetString());
        Assert.Equal("Information", levels.GetProperty("Host.Results").GetString());
    }
}
