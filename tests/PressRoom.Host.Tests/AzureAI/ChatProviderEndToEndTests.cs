using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Translation.Chat;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PressRoom.Tests.AzureAI;

/// <summary>
/// The local runtime configured with Translation:Provider=chat, pointed at the fake OpenAI-compatible server, processes
/// the seed release: a paragraph-aligned translation, token usage in the record and the row, names from the reply filled in.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChatProviderEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string Programme = "البرنامج العالمي لأمن الأحداث الرياضية الكبرى";
    const string ProgrammeEnglish = "Global Programme on Security of Major Sporting Events";

    [Fact]
    public async Task The_runtime_with_the_chat_provider_processes_the_seed_release()
    {
        await using var fake = await FakeChatServer.StartAsync();
        fake.ReportedNames[Programme] = ProgrammeEnglish;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        string[] args =
        [
            $"--{StorageNames.ConnectionName}={azurite.ConnectionString}",
            "--PressRoom:Url=http://127.0.0.1:0",
            "--shutdownTimeoutSeconds=5",
            $"--PressRoom:TaskHub=chat{Guid.NewGuid():N}"[..40],
            "--Translation:Provider=chat",
            $"--Translation:Chat:Endpoint={fake.Endpoint}",
            $"--Translation:Chat:Model={FakeChatServer.Model}",
            $"--Translation:Chat:Key={fake.ExpectedKey}",
            "--Translation:Chat:MaxParagraphsPerRequest=4",
        ];

        var started = DateTimeOffset.UtcNow;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var runtime = await LocalRuntime.StartAsync(args, watch: true, timeout.Token);
        await using var seed = File.OpenRead(RepoPaths.SeedRelease);
        var releaseId = await runtime.Services.GetRequiredService<ReleaseUploader>().UploadAsync($"chat-e2e-{Guid.NewGuid():N}.txt", seed, timeout.Token);
        var ended = await ReleaseWaiter.WaitAsync(runtime.Client, [releaseId], TimeSpan.FromMinutes(2), null, timeout.Token);
        output.WriteLine($"release ended after {watch.ElapsedMilliseconds} ms, {fake.Bodies.Count} chat requests");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended[releaseId]);
        var artifacts = runtime.Services.GetRequiredService<ReleaseArtifacts>();
        var record = await artifacts.ReadJsonAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, timeout.Token);
        Assert.Equal(ReleaseStatus.Completed, record.Status);

        var translation = await artifacts.ReadJsonAsync<TranslationResult>(releaseId, ReleaseArtifacts.TranslationFile("en"), timeout.Token);
        Assert.Equal((ChatTranslationProvider.ProviderName, TranslationStatus.Translated), (translation.Provider, translation.Status));
        Assert.Equal(record.Paragraphs + 1, translation.Paragraphs.Count);
        Assert.All(translation.Paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        Assert.True(fake.Bodies.Count > 1, "the seed went in several requests");
        Assert.Contains("Doha", string.Join("\n", translation.Paragraphs), StringComparison.Ordinal);

        // Token usage: what the server billed, in release.json and in the Releases row.
        Assert.Equal(new TokenUsage(fake.PromptTokens, fake.CompletionTokens), record.TokensByProvider["chat"]);
        var summary = Assert.Single(record.Translations);
        Assert.Equal((fake.PromptTokens, fake.CompletionTokens, 0), (summary.PromptTokens, summary.CompletionTokens, summary.UntranslatedParagraphs));
        var row = await runtime.Storage.ReleasesTable.GetEntityAsync<Azure.Data.Tables.TableEntity>(
            TableKeys.Sanitize(record.DocumentId), TableKeys.Sanitize(releaseId), cancellationToken: timeout.Token);
        Assert.Equal(fake.PromptTokens, row.Value.GetInt64("PromptTokens"));
        Assert.Equal(fake.CompletionTokens, row.Value.GetInt64("CompletionTokens"));

        // And in the admin counts over a window holding this release (other tests' releases may add to it).
        var counts = await runtime.Services.GetRequiredService<PressRoom.Pipeline.Admin.AdminInstanceQueries>().CountAsync(runtime.Client, started.AddSeconds(-1), timeout.Token);
        Assert.True(counts.Tokens.Prompt >= fake.PromptTokens && counts.Tokens.Completion >= fake.CompletionTokens && counts.Tokens.Releases >= 1, $"counts: {counts.Tokens}");

        // A name the records only romanized takes the English the translation used, marked as such.
        var programme = record.Entities["ar"].First(e => e.Text == Programme);
        Assert.Equal(ProgrammeEnglish, programme.English);
        Assert.Equal("translation", programme.Attributes![TranslatedNameFiller.SourceAttribute]);

        // The composed institution names went into the instructions, so the translation and the records agree.
        var instructions = fake.Bodies.Select(b => b["messages"]![0]!["content"]!).Select(c => c is System.Text.Json.Nodes.JsonArray a ? a[0]!["text"]!.GetValue<string>() : c.GetValue<string>());
        Assert.Contains(instructions, i => i.Contains("إدارة التعاون الدولي => International Cooperation Department", StringComparison.Ordinal));
        Assert.Contains("\"tokensByProvider\"", JsonSerializer.Serialize(record, PressRoom.Pipeline.Storage.PressRoomJson.Options), StringComparison.Ordinal);
    }
}
