using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using System.Diagnostics;
using PressRoom.Pipeline.Telemetry;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Admin;

/// <summary>The admin API over the real local runtime: durable engine on Azurite, HTTP on loopback, real failures.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class AdminApiTests(AdminRuntimeFixture fixture) : IClassFixture<AdminRuntimeFixture>
{
    const string Instances = "/api/admin/instances";

    [Fact]
    public async Task Without_a_key_is_401_the_reader_key_may_view_but_not_act_and_actions_need_a_reason()
    {
        var (anonymous, anonymousBody) = await fixture.SendAsync(HttpMethod.Get, Instances, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Unauthorized", anonymousBody.GetProperty("error").GetProperty("code").GetString());

        var (wrong, _) = await fixture.SendAsync(HttpMethod.Get, Instances, key: "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var (readerList, _) = await fixture.SendAsync(HttpMethod.Get, Instances, key: AdminRuntimeFixture.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, readerList.StatusCode);
        var (readerCounts, _) = await fixture.SendAsync(HttpMethod.Get, $"{Instances}/counts", key: AdminRuntimeFixture.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, readerCounts.StatusCode);

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Post, $"{Instances}/release-x/terminate"),
                     (HttpMethod.Post, $"{Instances}/release-x/restart"),
                     (HttpMethod.Delete, $"{Instances}/release-x"),
                     (HttpMethod.Post, $"{Instances}/retry-failed"),
                     (HttpMethod.Delete, $"{Instances}?completedBefore=2020-01-01"),
                 })
        {
            var (forbidden, body) = await fixture.SendAsync(method, path, key: AdminRuntimeFixture.ReaderKey, reason: "reader tries");
            Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {forbidden.StatusCode}");
            Assert.Equal("Forbidden", body.GetProperty("error").GetProperty("code").GetString());
        }

        var (noReason, noReasonBody) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/release-x/terminate");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("ReasonRequired", noReasonBody.GetProperty("error").GetProperty("code").GetString());

        var (badStatus, _) = await fixture.SendAsync(HttpMethod.Get, $"{Instances}?status=Exploded");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        var (unbounded, _) = await fixture.SendAsync(HttpMethod.Delete, Instances, reason: "cleanup");
        Assert.Equal(HttpStatusCode.BadRequest, unbounded.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_status_name_release_file_and_time_and_counts_report_failures_by_reason_and_stage()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ok = await fixture.StartReleaseAsync("filters/ok-release.txt");
        var failed = await fixture.StartReleaseAsync("filters/bad-release.txt", "[[fail:filters]]");
        await fixture.WaitForStatusAsync(ok, OrchestrationRuntimeStatus.Completed);
        await fixture.WaitForStatusAsync(failed, OrchestrationRuntimeStatus.Failed);

        var failedRows = await ListAsync("?status=Failed");
        var failedRow = Assert.Single(failedRows, r => r.GetProperty("releaseId").GetString() == failed);
        Assert.DoesNotContain(failedRows, r => r.GetProperty("releaseId").GetString() == ok);
        Assert.Equal("filters/bad-release.txt", failedRow.GetProperty("fileName").GetString());
        Assert.Equal("ExtractEntities", failedRow.GetProperty("stage").GetString());
        Assert.Equal("ProviderRejected", failedRow.GetProperty("reasonCode").GetString());
        Assert.Contains("refused release filters", failedRow.GetProperty("lastError").GetString());
        Assert.True(failedRow.GetProperty("durationMs").GetDouble() > 0);

        var byName = await ListAsync("?name=processreleasev2&status=Completed,Failed");
        Assert.Contains(byName, r => r.GetProperty("releaseId").GetString() == ok);
        Assert.Contains(byName, r => r.GetProperty("releaseId").GetString() == failed);
        Assert.Empty(await ListAsync("?name=SomeOtherOrchestration"));

        var byRelease = await ListAsync($"?release={ok}");
        Assert.Equal(ok, Assert.Single(byRelease).GetProperty("releaseId").GetString());
        var byFile = await ListAsync("?release=bad-release");
        Assert.Equal(failed, Assert.Single(byFile).GetProperty("releaseId").GetString());
        Assert.Empty(await ListAsync($"?createdFrom={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}"));
        Assert.Contains(await ListAsync($"?createdFrom={Uri.EscapeDataString(started.ToString("O"))}"), r => r.GetProperty("releaseId").GetString() == ok);

        // Paging: one row per page, following the continuation, reaches both.
        var seen = new HashSet<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var path = $"{Instances}?top=1&createdFrom={Uri.EscapeDataString(started.ToString("O"))}" + (continuation is null ? string.Empty : $"&continuation={Uri.EscapeDataString(continuation)}");
            var (response, page) = await fixture.SendAsync(HttpMethod.Get, path, key: AdminRuntimeFixture.ReaderKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(page.GetProperty("instances").GetArrayLength() <= 1);
            foreach (var row in page.GetProperty("instances").EnumerateArray())
            {
                seen.Add(row.GetProperty("releaseId").GetString()!);
            }

            continuation = page.GetProperty("continuation").GetString();
        }
        while (continuation is not null && ++pages < 50);
        Assert.Contains(ok, seen);
        Assert.Contains(failed, seen);

        var (countsResponse, counts) = await fixture.SendAsync(HttpMethod.Get, $"{Instances}/counts?since={Uri.EscapeDataString(started.ToString("O"))}");
        Assert.Equal(HttpStatusCode.OK, countsResponse.StatusCode);
        Assert.True(counts.GetProperty("byStatus").GetProperty("Completed").GetInt32() >= 1);
        Assert.True(counts.GetProperty("byStatus").GetProperty("Failed").GetInt32() >= 1);
        Assert.True(counts.GetProperty("failuresByReason").GetProperty("ProviderRejected").GetInt32() >= 1);
        Assert.True(counts.GetProperty("byStage").GetProperty("ExtractEntities").GetProperty("Failed").GetInt32() >= 1);
        Assert.True(counts.GetProperty("throughputPerMinute").GetDouble() > 0);
        Assert.True(counts.GetProperty("unhandledFailures").GetInt32() >= 1);
        var readLatency = counts.GetProperty("stageLatencyMs").GetProperty("ReadDocument");
        Assert.True(readLatency.GetProperty("count").GetInt32() >= 1);
        Assert.True(readLatency.GetProperty("p50").GetDouble() <= readLatency.GetProperty("p99").GetDouble());
    }

    [Fact]
    public async Task Instance_view_has_input_output_failure_and_a_timeline_with_retry_attempts_read_from_the_backend()
    {
        var flaky = await fixture.StartReleaseAsync("history/flaky.txt", "[[flaky:history]]");
        var failed = await fixture.StartReleaseAsync("history/failed.txt", "[[fail:history]]");
        await fixture.WaitForStatusAsync(flaky, OrchestrationRuntimeStatus.Completed);
        await fixture.WaitForStatusAsync(failed, OrchestrationRuntimeStatus.Failed);

        var detail = await DetailAsync(flaky);
        Assert.True(detail.GetProperty("historyAvailable").GetBoolean());
        Assert.Equal("history/flaky.txt", detail.GetProperty("input").GetProperty("BlobName").GetString());
        Assert.Equal("Completed", detail.GetProperty("output").GetProperty("Status").GetString());
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        var orchestration = Assert.Single(timeline, e => e.GetProperty("kind").GetString() == "orchestration");
        Assert.Equal("Completed", orchestration.GetProperty("outcome").GetString());
        // ExtractEntities runs inside ReadDocument: its bars are stages of the two ReadDocument attempts, the failed
        // one from the activity's failure, the completed one timed by the activity and read from its result.
        var extract = timeline.Where(e => e.GetProperty("name").GetString() == TaskNames.ExtractEntities).ToList();
        Assert.Equal(2, extract.Count);
        Assert.All(extract, e => Assert.Equal("stage", e.GetProperty("kind").GetString()));
        Assert.Equal((1, "Failed"), (extract[0].GetProperty("attempt").GetInt32(), extract[0].GetProperty("outcome").GetString()));
        Assert.Contains("503", extract[0].GetProperty("detail").GetString());
        Assert.Equal((2, "Completed"), (extract[1].GetProperty("attempt").GetInt32(), extract[1].GetProperty("outcome").GetString()));
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "wait");
        var reads = timeline.Where(e => e.GetProperty("name").GetString() == TaskNames.ReadDocument).ToList();
        Assert.Equal(["Failed", "Completed"], reads.Select(e => e.GetProperty("outcome").GetString()));
        foreach (var stage in new[] { TaskNames.Translate, TaskNames.SaveResults })
        {
            var bar = Assert.Single(timeline, e => e.GetProperty("name").GetString() == stage);
            Assert.Equal("Completed", bar.GetProperty("outcome").GetString());
            Assert.True(bar.GetProperty("durationMs").GetDouble() >= 0);
            Assert.True(bar.GetProperty("end").GetDateTimeOffset() >= bar.GetProperty("start").GetDateTimeOffset());
        }

        var failedDetail = await DetailAsync(failed);
        var failure = failedDetail.GetProperty("failure");
        Assert.Contains("ExtractEntities", failure.GetProperty("message").GetString());
        Assert.Contains("refused release history", failure.GetProperty("inner").GetProperty("message").GetString());
        Assert.Equal("ProviderRejected", failedDetail.GetProperty("customStatus").GetProperty("reasonCode").GetString());
        var failedBar = Assert.Single(failedDetail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("name").GetString() == TaskNames.ExtractEntities);
        Assert.Equal("Failed", failedBar.GetProperty("outcome").GetString());
        Assert.Contains(failedDetail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("name").GetString() == TaskNames.RecordFailure);

        var (missing, _) = await fixture.SendAsync(HttpMethod.Get, $"{Instances}/release-0000000000000000-0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_stuck_release_is_terminated_with_who_and_why_in_its_timeline_then_restarted_to_completion()
    {
        var stuck = await fixture.StartReleaseAsync("stuck/hanging.txt", "[[hang:stuck]]");
        var instanceId = ReleaseIdentity.InstanceId(stuck);
        // The provider hangs in the extraction inside ReadDocument; the orchestration's status names the activity.
        await fixture.WaitForAsync(stuck, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running && i.SerializedCustomStatus?.Contains(TaskNames.ReadDocument, StringComparison.Ordinal) == true);

        var (restartRunning, restartBody) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/{instanceId}/restart", reason: "too early");
        Assert.Equal(HttpStatusCode.Conflict, restartRunning.StatusCode);
        Assert.Contains("terminate it first", restartBody.GetProperty("message").GetString());
        var (purgeRunning, _) = await fixture.SendAsync(HttpMethod.Delete, $"{Instances}/{instanceId}", reason: "too early");
        Assert.Equal(HttpStatusCode.Conflict, purgeRunning.StatusCode);

        var (terminate, terminateBody) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/{instanceId}/terminate", reason: "provider stalled", user: "dana");
        Assert.Equal(HttpStatusCode.OK, terminate.StatusCode);
        Assert.Equal("Done", terminateBody.GetProperty("outcome").GetString());
        await fixture.WaitForStatusAsync(stuck, OrchestrationRuntimeStatus.Terminated);
        var (again, _) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/{instanceId}/terminate", reason: "twice");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var detail = await DetailAsync(stuck);
        var admin = detail.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "admin").ToList();
        var terminated = Assert.Single(admin, e => e.GetProperty("name").GetString() == "terminate" && e.GetProperty("outcome").GetString() == "Done");
        Assert.Equal("admin-key (dana): provider stalled", terminated.GetProperty("detail").GetString());
        Assert.Contains(detail.GetProperty("actions").EnumerateArray(), a => a.GetProperty("action").GetString() == "restart" && a.GetProperty("outcome").GetString() == "Conflict");
        Assert.Equal("Terminated", Assert.Single(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "orchestration").GetProperty("outcome").GetString());

        fixture.Script.ReleaseHangs();
        var (restart, _) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/{instanceId}/restart", reason: "provider back");
        Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        await fixture.WaitForStatusAsync(stuck, OrchestrationRuntimeStatus.Completed);
        var after = await DetailAsync(stuck);
        Assert.Contains(after.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("name").GetString() == "restart" && e.GetProperty("detail").GetString() == "admin-key: provider back");
    }

    [Fact]
    public async Task Counts_report_a_release_without_progress_as_stuck_until_it_moves_again()
    {
        var stalled = await fixture.StartReleaseAsync("stuck/stalled.txt", "[[stall:counts]]");
        var instanceId = ReleaseIdentity.InstanceId(stalled);
        // The provider stalls in the extraction inside ReadDocument; the orchestration's status names the activity.
        await fixture.WaitForAsync(stalled, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running && i.SerializedCustomStatus?.Contains(TaskNames.ReadDocument, StringComparison.Ordinal) == true);

        // Stuck once it has been silent past Admin:StuckAfter; not any more once it has moved on and finished.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement stuck;
        do
        {
            await Task.Delay(500);
            stuck = await StuckAsync();
        }
        while (!stuck.GetProperty("oldest").EnumerateArray().Any(r => r.GetProperty("instanceId").GetString() == instanceId) && DateTime.UtcNow < deadline);

        Assert.Equal(AdminRuntimeFixture.StuckAfter.ToString(), stuck.GetProperty("threshold").GetString());
        Assert.True(stuck.GetProperty("count").GetInt32() >= 1);
        var row = Assert.Single(stuck.GetProperty("oldest").EnumerateArray(), r => r.GetProperty("instanceId").GetString() == instanceId);
        Assert.Equal(TaskNames.ReadDocument, row.GetProperty("stage").GetString());
        Assert.Equal("stuck/stalled.txt", row.GetProperty("fileName").GetString());

        fixture.Script.Heal("counts");
        await fixture.WaitForStatusAsync(stalled, OrchestrationRuntimeStatus.Completed);
        Assert.DoesNotContain((await StuckAsync()).GetProperty("oldest").EnumerateArray(), r => r.GetProperty("instanceId").GetString() == instanceId);
    }

    async Task<JsonElement> StuckAsync()
    {
        var (response, counts) = await fixture.SendAsync(HttpMethod.Get, $"{Instances}/counts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return counts.GetProperty("stuck");
    }

    [Fact]
    public async Task Bulk_retry_restarts_failed_releases_by_reason_and_purge_removes_ended_ones_but_keeps_the_audit_trail()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var first = await fixture.StartReleaseAsync("bulk/one.txt", "[[fail:bulk]]");
        var second = await fixture.StartReleaseAsync("bulk/two.txt", "[[fail:bulk]]");
        await fixture.WaitForStatusAsync(first, OrchestrationRuntimeStatus.Failed);
        await fixture.WaitForStatusAsync(second, OrchestrationRuntimeStatus.Failed);

        var (rewind, rewindBody) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/{ReleaseIdentity.InstanceId(first)}/rewind", reason: "try rewind");
        Assert.Equal(HttpStatusCode.Conflict, rewind.StatusCode);
        Assert.Equal("NotSupported", rewindBody.GetProperty("outcome").GetString());
        Assert.Contains("restart", rewindBody.GetProperty("message").GetString());

        var (noneMatch, noneBody) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/retry-failed?reason=NoSuchReason", reason: "nothing to do");
        Assert.Equal(HttpStatusCode.OK, noneMatch.StatusCode);
        Assert.Equal(0, noneBody.GetProperty("matched").GetInt32());

        fixture.Script.Heal("bulk");
        var (retry, retryBody) = await fixture.SendAsync(HttpMethod.Post, $"{Instances}/retry-failed?reason=ProviderRejected&since={Uri.EscapeDataString(since.ToString("O"))}", reason: "provider fixed");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var retried = retryBody.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("outcome").GetString() == "Done").Select(r => r.GetProperty("instanceId").GetString()).ToList();
        Assert.Contains(ReleaseIdentity.InstanceId(first), retried);
        Assert.Contains(ReleaseIdentity.InstanceId(second), retried);
        await fixture.WaitForStatusAsync(first, OrchestrationRuntimeStatus.Completed);
        await fixture.WaitForStatusAsync(second, OrchestrationRuntimeStatus.Completed);

        var firstId = ReleaseIdentity.InstanceId(first);
        var (purge, _) = await fixture.SendAsync(HttpMethod.Delete, $"{Instances}/{firstId}", reason: "test data");
        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Null(await fixture.Client.GetInstanceAsync(firstId));
        var (gone, goneBody) = await fixture.SendAsync(HttpMethod.Get, $"{Instances}/{firstId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("purge by admin-key", goneBody.GetProperty("error").GetProperty("message").GetString());

        // Bulk purge of completed instances that ended before now: the second one goes, a running one would not.
        var cutoff = DateTimeOffset.UtcNow.AddSeconds(1);
        var (bulk, bulkBody) = await fixture.SendAsync(HttpMethod.Delete, $"{Instances}?completedBefore={Uri.EscapeDataString(cutoff.ToString("O"))}&status=Completed", reason: "retention");
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Contains(bulkBody.GetProperty("results").EnumerateArray(), r => r.GetProperty("instanceId").GetString() == ReleaseIdentity.InstanceId(second) && r.GetProperty("outcome").GetString() == "Done");
        Assert.Null(await fixture.Client.GetInstanceAsync(ReleaseIdentity.InstanceId(second)));
        Assert.Equal(bulkBody.GetProperty("matched").GetInt32(), bulkBody.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task Each_release_is_one_trace_across_intake_activities_and_orchestration_and_its_metrics_are_recorded()
    {
        using var probe = new TelemetryProbe();
        var ok = await fixture.StartReleaseAsync("telemetry/ok.txt");
        var failed = await fixture.StartReleaseAsync("telemetry/failed.txt", "[[fail:telemetry]]");
        await fixture.WaitForStatusAsync(ok, OrchestrationRuntimeStatus.Completed);
        await fixture.WaitForStatusAsync(failed, OrchestrationRuntimeStatus.Failed);

        var spans = probe.Spans.Where(s => Equals(s.GetTagItem(PressRoomTelemetry.ReleaseIdTag), ok)).ToList();
        Assert.Single(spans.Select(s => s.TraceId).Distinct());
        Assert.Equal(PressRoomTelemetry.ReleaseContext(ok).TraceId, spans[0].TraceId);
        Assert.Contains(spans, s => s.OperationName == "release.intake");
        Assert.Contains(spans, s => s.OperationName == $"orchestration {TaskNames.ProcessRelease}" && Equals(s.GetTagItem("pressroom.outcome"), "Completed"));
        // Three activities per release; ExtractEntities runs inside ReadDocument (and inside Translate when it translates).
        foreach (var stage in new[] { TaskNames.ReadDocument, TaskNames.Translate, TaskNames.SaveResults })
        {
            Assert.Contains(spans, s => s.OperationName == $"activity {stage}" && Equals(s.GetTagItem(PressRoomTelemetry.InstanceIdTag), ReleaseIdentity.InstanceId(ok)));
        }

        var failedSpans = probe.Spans.Where(s => Equals(s.GetTagItem(PressRoomTelemetry.ReleaseIdTag), failed)).ToList();
        Assert.Contains(failedSpans, s => s.OperationName == $"activity {TaskNames.ReadDocument}" && s.Status == ActivityStatusCode.Error);
        Assert.Contains(failedSpans, s => s.OperationName.StartsWith("orchestration", StringComparison.Ordinal) && s.Status == ActivityStatusCode.Error);

        var measurements = probe.Measurements.ToList();
        Assert.Contains(measurements, m => m.Instrument == "pressroom.releases" && Equals(m.Tags["outcome"], "Completed"));
        Assert.Contains(measurements, m => m.Instrument == "pressroom.releases" && Equals(m.Tags["outcome"], "Failed") && Equals(m.Tags["reason"], "ProviderRejected"));
        Assert.Contains(measurements, m => m.Instrument == "pressroom.stage.duration" && Equals(m.Tags["stage"], TaskNames.ReadDocument) && m.Value >= 0);
        Assert.Contains(measurements, m => m.Instrument == "pressroom.provider.characters" && m.Tags.ContainsKey("provider"));

        // The alert signal: the poller reports the failed instance as unhandled until someone acts on it.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        double unhandled = 0;
        while (DateTime.UtcNow < deadline && unhandled < 1)
        {
            await Task.Delay(500);
            probe.Observe();
            unhandled = probe.Measurements.Where(m => m.Instrument == "pressroom.releases.failed.unhandled").Select(m => m.Value).DefaultIfEmpty(0).Max();
        }

        Assert.True(unhandled >= 1, "pressroom.releases.failed.unhandled never reported the failed release");
        Assert.Contains(probe.Measurements, m => m.Instrument == "pressroom.queue.backlog");
    }

    async Task<List<JsonElement>> ListAsync(string query)
    {
        var (response, body) = await fixture.SendAsync(HttpMethod.Get, Instances + query, key: AdminRuntimeFixture.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.GetProperty("instances").EnumerateArray().ToList();
    }

    async Task<JsonElement> DetailAsync(string releaseId)
    {
        var (response, body) = await fixture.SendAsync(HttpMethod.Get, $"{Instances}/{ReleaseIdentity.InstanceId(releaseId)}", key: AdminRuntimeFixture.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }
}
