using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Tests.Workflow;

/// <summary>
/// The orchestrator alone on the SDK's in-process test host: activities are stand-ins under the real names, so these
/// tests check the plan (which activities run, with what) in well under a second, without storage.
/// </summary>
public sealed class ProcessReleaseOrchestratorTests
{
    static readonly ReleaseInput Input = new()
    {
        ReleaseId = "doc-content",
        DocumentId = "doc",
        BlobName = "a.txt",
        ContentSha256 = new string('a', 64),
        TargetLanguages = ["en", "fr"],
    };

    [Fact]
    public async Task The_language_read_with_the_document_drives_the_plan_and_is_timed_inside_the_read()
    {
        var calls = new ConcurrentQueue<string>();
        SaveInput? saved = null;
        await using var host = await DurableTaskTestHost.StartAsync(tasks => tasks
            .AddOrchestrator<ProcessReleaseOrchestrator>(TaskNames.ProcessRelease)
            .AddActivityFunc<ReleaseInput, DocumentSummary>(TaskNames.ReadDocument, (_, _) =>
            {
                calls.Enqueue(TaskNames.ReadDocument);
                return new DocumentSummary { Title = "t", Characters = 10, Language = new LanguageDetection("en", "Latn", 0.9), DetectLanguageMilliseconds = 3 };
            })
            .AddActivityFunc<TranslateInput, TranslationSummary>(TaskNames.Translate, (_, input) =>
            {
                calls.Enqueue($"{TaskNames.Translate}:{input.SourceLanguage}>{input.TargetLanguage}");
                return new TranslationSummary { TargetLanguage = input.TargetLanguage, Provider = "fake", Status = "Translated" };
            })
            .AddActivityFunc<ExtractInput, EntitySummary>(TaskNames.ExtractEntities, (_, input) =>
            {
                calls.Enqueue($"{TaskNames.ExtractEntities}:{input.Language}");
                return new EntitySummary { Language = input.Language, Provider = "fake" };
            })
            .AddActivityFunc<SaveInput, ReleaseOutcome>(TaskNames.SaveResults, (_, input) =>
            {
                saved = input;
                calls.Enqueue(TaskNames.SaveResults);
                return new ReleaseOutcome(input.Release.ReleaseId, ReleaseStatus.Completed);
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        // One activity per stage, no DetectLanguage activity; the source language (en) is not translated into.
        var order = calls.ToList();
        Assert.Equal(TaskNames.ReadDocument, order[0]);
        Assert.Equal($"{TaskNames.Translate}:en>fr", order[1]);
        Assert.Equal([$"{TaskNames.ExtractEntities}:en", $"{TaskNames.ExtractEntities}:fr"], order[2..4].Order(StringComparer.Ordinal));
        Assert.Equal(TaskNames.SaveResults, order[4]);
        Assert.Equal(5, order.Count);
        Assert.Equal("en", saved!.Language!.Language);
        var read = Assert.Single(saved.Timings, t => t.Stage == TaskNames.ReadDocument);
        var detect = Assert.Single(saved.Timings, t => t.Stage == TaskNames.DetectLanguage);
        Assert.Equal(3, detect.Milliseconds, 3);
        Assert.Equal(read.End, detect.End);
    }

    [Fact]
    public async Task A_rejected_document_goes_straight_to_save_without_a_language()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await DurableTaskTestHost.StartAsync(tasks => tasks
            .AddOrchestrator<ProcessReleaseOrchestrator>(TaskNames.ProcessRelease)
            .AddActivityFunc<ReleaseInput, DocumentSummary>(TaskNames.ReadDocument, (_, _) =>
            {
                calls.Enqueue(TaskNames.ReadDocument);
                return DocumentSummary.Rejection(nameof(RejectionReason.Empty), RejectionMessages.For(RejectionReason.Empty));
            })
            .AddActivityFunc<SaveInput, ReleaseOutcome>(TaskNames.SaveResults, (_, input) =>
            {
                calls.Enqueue(TaskNames.SaveResults);
                Assert.Null(input.Language);
                return new ReleaseOutcome(input.Release.ReleaseId, ReleaseStatus.Rejected, input.Document.ReasonCode);
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(ReleaseStatus.Rejected, done.ReadOutputAs<ReleaseOutcome>()!.Status);
        Assert.Equal([TaskNames.ReadDocument, TaskNames.SaveResults], calls);
    }

    /// <summary>The stand-ins of a run whose read finds English; <paramref name="translate"/> and <paramref name="extract"/> decide how those stages behave.</summary>
    static Task<DurableTaskTestHost> StartAsync(
        ConcurrentQueue<string> calls,
        Func<TranslateInput, TranslationSummary> translate,
        Func<ExtractInput, EntitySummary> extract,
        Action<FailureInput>? recordFailure = null) =>
        DurableTaskTestHost.StartAsync(tasks => tasks
            .AddOrchestrator<ProcessReleaseOrchestrator>(TaskNames.ProcessRelease)
            .AddActivityFunc<ReleaseInput, DocumentSummary>(TaskNames.ReadDocument, (_, _) =>
            {
                calls.Enqueue(TaskNames.ReadDocument);
                return new DocumentSummary { Title = "t", Characters = 10, Language = new LanguageDetection("en", "Latn", 0.9) };
            })
            .AddActivityFunc<TranslateInput, TranslationSummary>(TaskNames.Translate, (_, input) =>
            {
                calls.Enqueue(TaskNames.Translate);
                return translate(input);
            })
            .AddActivityFunc<ExtractInput, EntitySummary>(TaskNames.ExtractEntities, (_, input) =>
            {
                calls.Enqueue($"{TaskNames.ExtractEntities}:{input.Language}");
                return extract(input);
            })
            .AddActivityFunc<SaveInput, ReleaseOutcome>(TaskNames.SaveResults, (_, input) =>
            {
                calls.Enqueue(TaskNames.SaveResults);
                return new ReleaseOutcome(input.Release.ReleaseId, ReleaseStatus.Completed);
            })
            .AddActivityFunc<FailureInput, ReleaseOutcome>(TaskNames.RecordFailure, (_, input) =>
            {
                calls.Enqueue(TaskNames.RecordFailure);
                recordFailure?.Invoke(input);
                return new ReleaseOutcome(input.Release.ReleaseId, ReleaseStatus.Failed, input.ReasonCode);
            }));

    [Fact]
    public async Task A_transient_activity_failure_is_retried_and_the_release_completes()
    {
        var calls = new ConcurrentQueue<string>();
        var translations = 0;
        await using var host = await StartAsync(
            calls,
            input => Interlocked.Increment(ref translations) == 1
                ? throw new HttpRequestException("The translator answered 503.")
                : new TranslationSummary { TargetLanguage = input.TargetLanguage, Provider = "fake", Status = "Translated" },
            input => new EntitySummary { Language = input.Language, Provider = "fake" });

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input with { TargetLanguages = ["fr"] });
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(ReleaseStatus.Completed, done.ReadOutputAs<ReleaseOutcome>()!.Status);
        // The failed attempt and its retry, then the rest of the plan once; no failure recorded.
        Assert.Equal(2, calls.Count(c => c == TaskNames.Translate));
        Assert.Equal(1, calls.Count(c => c == TaskNames.SaveResults));
        Assert.DoesNotContain(TaskNames.RecordFailure, calls);
    }

    [Fact]
    public async Task A_permanent_provider_failure_is_not_retried_and_is_recorded_with_its_stage()
    {
        var calls = new ConcurrentQueue<string>();
        FailureInput? recorded = null;
        await using var host = await StartAsync(
            calls,
            input => new TranslationSummary { TargetLanguage = input.TargetLanguage, Provider = "fake", Status = "Translated" },
            _ => throw new PermanentFailureException("ProviderRejected", "The entity service refused the key."),
            failure => recorded = failure);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input with { TargetLanguages = ["fr"] });
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        // Failed (so admins see it and can restart it), after the failure was recorded once for the stage it happened in.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(2, calls.Count(c => c.StartsWith(TaskNames.ExtractEntities, StringComparison.Ordinal)));
        Assert.DoesNotContain(TaskNames.SaveResults, calls);
        Assert.Equal(1, calls.Count(c => c == TaskNames.RecordFailure));
        Assert.NotNull(recorded);
        Assert.Equal(TaskNames.ExtractEntities, recorded!.Stage);
        Assert.Equal("ProviderRejected", recorded.ReasonCode);
        Assert.Contains("refused the key", recorded.Message, StringComparison.Ordinal);
    }
}
