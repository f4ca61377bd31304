using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Tests.Workflow;

/// <summary>
/// The orchestrator alone on the SDK's in-process test host: activities are stand-ins under the real names, so these
/// tests check the plan (which activities run, with what) in well under a second, without storage. The stand-ins
/// answer as the real activities do: ReadDocument and Translate report the entities they extracted and the stages
/// they timed inside.
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

    static readonly DateTime T0 = DateTime.UtcNow;

    /// <summary>What the real ReadDocument returns for an English document: read, then the source's entities.</summary>
    static DocumentSummary EnglishDocument(double detectMs = 0)
    {
        var now = DateTime.UtcNow;
        return new DocumentSummary
        {
            Title = "t",
            Characters = 10,
            DatelineDate = new DateOnly(2026, 3, 1),
            Language = new LanguageDetection("en", "Latn", 0.9),
            DetectLanguageMilliseconds = detectMs,
            Entities = new EntitySummary { Language = "en", Provider = "fake", Count = 2 },
            Stages = [new StageTiming(TaskNames.ReadDocument, now, now.AddMilliseconds(20)), new StageTiming(TaskNames.ExtractEntities, now.AddMilliseconds(20), now.AddMilliseconds(25))],
        };
    }

    /// <summary>What the real Translate returns: translated, then the translation's entities.</summary>
    static TranslationSummary Translated(TranslateInput input)
    {
        var now = DateTime.UtcNow;
        return new TranslationSummary
        {
            TargetLanguage = input.TargetLanguage,
            Provider = "fake",
            Status = "Translated",
            Entities = new EntitySummary { Language = input.TargetLanguage, Provider = "fake", Count = 3 },
            Stages = [new StageTiming(TaskNames.Translate, now, now.AddMilliseconds(40)), new StageTiming(TaskNames.ExtractEntities, now.AddMilliseconds(40), now.AddMilliseconds(47))],
        };
    }

    [Fact]
    public async Task A_release_is_three_activity_calls_and_keeps_every_stage_of_its_timeline()
    {
        var calls = new ConcurrentQueue<string>();
        SaveInput? saved = null;
        TranslateInput? translated = null;
        await using var host = await DurableTaskTestHost.StartAsync(tasks => tasks
            .AddOrchestrator<ProcessReleaseOrchestrator>(TaskNames.ProcessRelease)
            .AddActivityFunc<ReleaseInput, DocumentSummary>(TaskNames.ReadDocument, (_, _) =>
            {
                calls.Enqueue(TaskNames.ReadDocument);
                return EnglishDocument(detectMs: 3);
            })
            .AddActivityFunc<TranslateInput, TranslationSummary>(TaskNames.Translate, (_, input) =>
            {
                calls.Enqueue($"{TaskNames.Translate}:{input.SourceLanguage}>{input.TargetLanguage}");
                translated = input;
                return Translated(input);
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
        // Read (with detection and the source's entities), one Translate per other target (with its entities), save;
        // no ExtractEntities activity was registered, so calling one would have failed the instance.
        Assert.Equal([TaskNames.ReadDocument, $"{TaskNames.Translate}:en>fr", TaskNames.SaveResults], calls);
        Assert.Equal(new DateOnly(2026, 3, 1), translated!.ReferenceDate);
        Assert.Equal("en", saved!.Language!.Language);
        Assert.Equal(["en", "fr"], saved.Entities.Select(e => e.Language));
        Assert.Equal([2, 3], saved.Entities.Select(e => e.Count));

        // The same stages as before, each once (the Releases row keys timings by stage).
        Assert.Equal(
            [TaskNames.ReadDocument, TaskNames.DetectLanguage, TaskNames.Translate, TaskNames.ExtractEntities],
            saved.Timings.Select(t => t.Stage));
        var read = saved.Timings[0];
        var detect = saved.Timings[1];
        Assert.Equal(3, detect.Milliseconds, 3);
        Assert.Equal(read.End, detect.End);
        Assert.All(saved.Timings, t => Assert.True(t.End >= t.Start, $"{t.Stage} ends before it starts"));

        // ExtractEntities is the extraction the release waited for last: the translation's (7 ms), not the source's.
        Assert.Equal(7, saved.Timings[3].Milliseconds, 3);
    }

    [Fact]
    public async Task A_release_in_a_target_language_is_read_and_saved_with_its_entities()
    {
        var calls = new ConcurrentQueue<string>();
        SaveInput? saved = null;
        await using var host = await StartAsync(calls, Translated, recordFailure: null, onSave: s => saved = s);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input with { TargetLanguages = ["en"] });
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal([TaskNames.ReadDocument, TaskNames.SaveResults], calls);
        Assert.Equal("en", Assert.Single(saved!.Entities).Language);
        Assert.Equal(5, Assert.Single(saved.Timings, t => t.Stage == TaskNames.ExtractEntities).Milliseconds, 3);
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
                Assert.Equal(TaskNames.ReadDocument, Assert.Single(input.Timings).Stage);
                return new ReleaseOutcome(input.Release.ReleaseId, ReleaseStatus.Rejected, input.Document.ReasonCode);
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(ReleaseStatus.Rejected, done.ReadOutputAs<ReleaseOutcome>()!.Status);
        Assert.Equal([TaskNames.ReadDocument, TaskNames.SaveResults], calls);
    }

    /// <summary>The stand-ins of a run whose read finds English; <paramref name="translate"/> decides how Translate behaves.</summary>
    static Task<DurableTaskTestHost> StartAsync(
        ConcurrentQueue<string> calls,
        Func<TranslateInput, TranslationSummary> translate,
        Action<FailureInput>? recordFailure = null,
        Action<SaveInput>? onSave = null) =>
        DurableTaskTestHost.StartAsync(tasks => tasks
            .AddOrchestrator<ProcessReleaseOrchestrator>(TaskNames.ProcessRelease)
            .AddActivityFunc<ReleaseInput, DocumentSummary>(TaskNames.ReadDocument, (_, _) =>
            {
                calls.Enqueue(TaskNames.ReadDocument);
                return EnglishDocument();
            })
            .AddActivityFunc<TranslateInput, TranslationSummary>(TaskNames.Translate, (_, input) =>
            {
                calls.Enqueue(TaskNames.Translate);
                return translate(input);
            })
            .AddActivityFunc<SaveInput, ReleaseOutcome>(TaskNames.SaveResults, (_, input) =>
            {
                calls.Enqueue(TaskNames.SaveResults);
                onSave?.Invoke(input);
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
            input => Interlocked.Increment(ref translations) == 1 ? throw new HttpRequestException("The translator answered 503.") : Translated(input));

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
    public async Task A_transient_failure_of_the_extraction_inside_translate_is_retried()
    {
        var calls = new ConcurrentQueue<string>();
        var attempts = 0;
        await using var host = await StartAsync(
            calls,
            input => Interlocked.Increment(ref attempts) == 1
                ? throw new EntityExtractionException(new HttpRequestException("The entity service answered 503."))
                : Translated(input));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input with { TargetLanguages = ["fr"] });
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, calls.Count(c => c == TaskNames.Translate));
        Assert.DoesNotContain(TaskNames.RecordFailure, calls);
    }

    [Fact]
    public async Task A_permanent_extraction_failure_is_not_retried_and_is_recorded_under_the_extraction_stage()
    {
        var calls = new ConcurrentQueue<string>();
        FailureInput? recorded = null;
        await using var host = await StartAsync(
            calls,
            _ => throw new EntityExtractionException(new PermanentFailureException("ProviderRejected", "The entity service refused the key.")),
            failure => recorded = failure);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input with { TargetLanguages = ["fr"] });
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        // Failed (so admins see it and can restart it), after the failure was recorded once for the stage it happened
        // in: ExtractEntities, although it ran inside the Translate activity.
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, calls.Count(c => c == TaskNames.Translate));
        Assert.DoesNotContain(TaskNames.SaveResults, calls);
        Assert.Equal(1, calls.Count(c => c == TaskNames.RecordFailure));
        Assert.NotNull(recorded);
        Assert.Equal(TaskNames.ExtractEntities, recorded!.Stage);
        Assert.Equal("ProviderRejected", recorded.ReasonCode);
        Assert.Contains("refused the key", recorded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_translation_failure_is_recorded_under_translate()
    {
        var calls = new ConcurrentQueue<string>();
        FailureInput? recorded = null;
        await using var host = await StartAsync(
            calls,
            _ => throw new PermanentFailureException("ProviderRejected", "The translator refused the key."),
            failure => recorded = failure);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessRelease, Input with { TargetLanguages = ["fr"] });
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, calls.Count(c => c == TaskNames.Translate));
        Assert.Equal(TaskNames.Translate, recorded!.Stage);
        Assert.Equal("ProviderRejected", recorded.ReasonCode);
    }

    [Fact]
    public async Task An_instance_of_the_first_version_still_runs_its_own_plan()
    {
        // Instances started before the upgrade replay against the code registered under their name; version 1 stays
        // registered with its ExtractEntities activity until they have drained.
        var calls = new ConcurrentQueue<string>();
        await using var host = await DurableTaskTestHost.StartAsync(tasks => tasks
            .AddOrchestrator<ProcessReleaseOrchestratorV1>(TaskNames.ProcessReleaseV1)
            .AddActivityFunc<ReleaseInput, DocumentSummary>(TaskNames.ReadDocument, (_, _) =>
            {
                calls.Enqueue(TaskNames.ReadDocument);
                return EnglishDocument();
            })
            .AddActivityFunc<TranslateInput, TranslationSummary>(TaskNames.Translate, (_, input) =>
            {
                calls.Enqueue(TaskNames.Translate);
                return Translated(input);
            })
            .AddActivityFunc<ExtractInput, EntitySummary>(TaskNames.ExtractEntities, (_, input) =>
            {
                calls.Enqueue($"{TaskNames.ExtractEntities}:{input.Language}");
                return new EntitySummary { Language = input.Language, Provider = "fake" };
            })
            .AddActivityFunc<SaveInput, ReleaseOutcome>(TaskNames.SaveResults, (_, input) =>
            {
                calls.Enqueue(TaskNames.SaveResults);
                return new ReleaseOutcome(input.Release.ReleaseId, ReleaseStatus.Completed);
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(TaskNames.ProcessReleaseV1, Input);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var order = calls.ToList();
        Assert.Equal([TaskNames.ReadDocument, TaskNames.Translate], order[..2]);
        Assert.Equal([$"{TaskNames.ExtractEntities}:en", $"{TaskNames.ExtractEntities}:fr"], order[2..4].Order(StringComparer.Ordinal));
        Assert.Equal(TaskNames.SaveResults, order[4]);
    }
}
