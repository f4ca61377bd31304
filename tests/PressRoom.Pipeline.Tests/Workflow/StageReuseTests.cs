using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Workflow;

/// <summary>
/// ExtractEntities runs inside ReadDocument and Translate. These tests run the real activities on Azurite with a
/// translator and an entity provider that fail the way cloud services do, and check that a retry after a failed
/// extraction reuses what the activity stored first (the document, the translation) instead of redoing it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StageReuseTests(AzuriteFixture azurite)
{
    /// <summary>Fails its first <c>failures</c> calls with a transient error, then answers with one organization.</summary>
    sealed class FlakyExtractor(int failures) : IEntityExtractor
    {
        public int Calls;

        public string Name => "flaky";

        public Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref Calls) <= failures)
            {
                throw new HttpRequestException("The entity service answered 503.");
            }

            var entity = new ExtractedEntity { Key = "organization:port-authority", Text = "Port Authority", Category = "Organization", Offset = 0, Length = 14, Confidence = 1 };
            return Task.FromResult(new EntityResult("flaky", [entity], []));
        }
    }

    /// <summary>Counts translations; answers every paragraph in upper case.</summary>
    sealed class CountingTranslator : ITranslationProvider
    {
        public int Calls;

        public string Name => "counting";

        public Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(new TranslationResult
            {
                Provider = Name,
                TargetLanguage = request.TargetLanguage,
                Status = TranslationStatus.Translated,
                Paragraphs = request.Paragraphs.Select(p => p.ToUpperInvariant()).ToList(),
                CharactersSent = request.Paragraphs.Sum(p => p.Length),
            });
        }
    }

    ServiceProvider Services(IEntityExtractor extractor, ITranslationProvider translator)
    {
        var values = new Dictionary<string, string?> { [StorageNames.ConnectionName] = azurite.ConnectionString };
        return new ServiceCollection().AddLogging()
            .AddPressRoomPipeline(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddSingleton(extractor)
            .AddSingleton(translator)
            .BuildServiceProvider();
    }

    static async Task<ReleaseInput> UploadAsync(ServiceProvider services, string text)
    {
        var storage = services.GetRequiredService<PressRoomStorage>();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var name = $"reuse-{Guid.NewGuid():N}/release.txt";
        var bytes = Encoding.UTF8.GetBytes(text);
        await storage.ReleasesContainer.GetBlobClient(name).UploadAsync(new BinaryData(bytes));
        var sha = await ReleaseIdentity.HashAsync(new MemoryStream(bytes), CancellationToken.None);
        var releaseId = ReleaseIdentity.ReleaseId(name, sha);
        return new ReleaseInput { ReleaseId = releaseId, DocumentId = ReleaseIdentity.DocumentIdOf(releaseId), BlobName = name, ContentSha256 = sha, Size = bytes.Length, TargetLanguages = ["fr"] };
    }

    [Fact]
    public async Task A_retry_after_a_failed_source_extraction_reuses_the_stored_document_instead_of_reading_again()
    {
        var extractor = new FlakyExtractor(failures: 1);
        await using var services = Services(extractor, new CountingTranslator());
        var input = await UploadAsync(services, "Port expands\n\nThe Port Authority added two berths on Monday.");
        var activity = services.GetRequiredService<ReadDocumentActivity>();

        // First attempt: the read succeeds and is stored, the extraction fails and says so (stage and cause).
        var failure = await Assert.ThrowsAsync<EntityExtractionException>(() => activity.ExecuteAsync(input, CancellationToken.None));
        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.StartsWith(TaskNames.ExtractEntities, failure.Message, StringComparison.Ordinal);

        // The original is gone before the retry: only the stored document can give the retry its text.
        await services.GetRequiredService<PressRoomStorage>().ReleasesContainer.DeleteBlobAsync(input.BlobName);
        var summary = await activity.ExecuteAsync(input, CancellationToken.None);

        Assert.False(summary.Rejected);
        Assert.Equal("Port expands", summary.Title);
        Assert.Equal(1, summary.Entities!.Count);
        Assert.Equal([TaskNames.ReadDocument, TaskNames.ExtractEntities], summary.Stages.Select(s => s.Stage));
        Assert.All(summary.Stages, s => Assert.True(s.End >= s.Start));
        Assert.Equal(2, extractor.Calls);
        var stored = await services.GetRequiredService<ReleaseArtifacts>().ReadJsonAsync<EntityDocument>(input.ReleaseId, ReleaseArtifacts.EntitiesFile(summary.Entities.Language), CancellationToken.None);
        Assert.Equal("Port Authority", Assert.Single(stored.Entities).Text);
    }

    [Fact]
    public async Task A_claimed_release_marks_its_stages_with_the_read_ledger_and_its_retry_still_reuses_the_document()
    {
        var extractor = new FlakyExtractor(failures: 1);
        await using var services = Services(extractor, new CountingTranslator());
        var input = await UploadAsync(services, "Port expands\n\nThe Port Authority added two berths on Monday.");
        Assert.True(await services.GetRequiredService<ReleaseLifecycle>().TryClaimAsync(input, CancellationToken.None));
        var activity = services.GetRequiredService<ReadDocumentActivity>();

        await Assert.ThrowsAsync<EntityExtractionException>(() => activity.ExecuteAsync(input, CancellationToken.None));

        // The read's last write cleared the count and marked the stage that ran next.
        var row = await services.GetRequiredService<ReleaseQueries>().GetAsync(input.ReleaseId, CancellationToken.None);
        Assert.Equal(TaskNames.ExtractEntities, row?.Stage);
        Assert.Equal(0, row?.ReadAttempts);

        await services.GetRequiredService<PressRoomStorage>().ReleasesContainer.DeleteBlobAsync(input.BlobName);
        var summary = await activity.ExecuteAsync(input, CancellationToken.None);
        Assert.Equal("Port expands", summary.Title);
        Assert.Equal(1, summary.Entities!.Count);
    }

    [Fact]
    public async Task The_first_read_of_a_claimed_release_does_not_look_for_a_stored_document()
    {
        await using var services = Services(new FlakyExtractor(failures: 0), new CountingTranslator());
        var input = await UploadAsync(services, "Port expands\n\nThe Port Authority added two berths on Monday.");
        Assert.True(await services.GetRequiredService<ReleaseLifecycle>().TryClaimAsync(input, CancellationToken.None));

        // A document.json no attempt could have written (nothing ran yet) is not looked for: the blob is read.
        var artifacts = services.GetRequiredService<ReleaseArtifacts>();
        var planted = new ReleaseDocument { Title = "Planted", Text = "Planted.", Paragraphs = ["Planted."], OriginalSha256 = input.ContentSha256, NormalizedSha256 = input.ContentSha256, Format = "txt" };
        await artifacts.WriteJsonAsync(input.ReleaseId, ReleaseArtifacts.DocumentFile, planted, CancellationToken.None);

        var summary = await services.GetRequiredService<ReadDocumentActivity>().ExecuteAsync(input, CancellationToken.None);

        Assert.Equal("Port expands", summary.Title);
    }

    [Fact]
    public async Task A_retry_after_a_failed_translation_extraction_does_not_pay_the_translator_again()
    {
        var extractor = new FlakyExtractor(failures: 0);
        var translator = new CountingTranslator();
        await using var services = Services(extractor, translator);
        var input = await UploadAsync(services, "Port expands\n\nThe Port Authority added two berths on Monday.");
        var document = await services.GetRequiredService<ReadDocumentActivity>().ExecuteAsync(input, CancellationToken.None);
        Assert.Equal(1, extractor.Calls);

        var translate = new TranslateInput(input.ReleaseId, document.Language!.Language, "fr", document.DatelineDate);
        var flaky = new FlakyExtractor(failures: 1);
        await using var retrying = Services(flaky, translator);
        var activity = retrying.GetRequiredService<TranslateActivity>();
        await Assert.ThrowsAsync<EntityExtractionException>(() => activity.ExecuteAsync(translate, CancellationToken.None));
        var summary = await activity.ExecuteAsync(translate, CancellationToken.None);

        Assert.Equal(1, translator.Calls);
        Assert.Equal(2, flaky.Calls);
        Assert.Equal(nameof(TranslationStatus.Translated), summary.Status);
        Assert.Equal("fr", summary.Entities!.Language);
        Assert.Equal([TaskNames.Translate, TaskNames.ExtractEntities], summary.Stages.Select(s => s.Stage));
        var text = await retrying.GetRequiredService<ReleaseArtifacts>().TryReadTextAsync(input.ReleaseId, ReleaseArtifacts.TextFile("fr"), CancellationToken.None);
        Assert.Equal("PORT EXPANDS\n\nTHE PORT AUTHORITY ADDED TWO BERTHS ON MONDAY.", text);
    }

    [Fact]
    public async Task A_stored_translation_by_another_provider_is_translated_again()
    {
        var translator = new CountingTranslator();
        await using var services = Services(new FlakyExtractor(failures: 0), translator);
        var input = await UploadAsync(services, "Port expands\n\nThe Port Authority added two berths on Monday.");
        var document = await services.GetRequiredService<ReadDocumentActivity>().ExecuteAsync(input, CancellationToken.None);
        await services.GetRequiredService<ReleaseArtifacts>().WriteJsonAsync(
            input.ReleaseId,
            ReleaseArtifacts.TranslationFile("fr"),
            new TranslationResult { Provider = "another", TargetLanguage = "fr", Status = TranslationStatus.Translated, Paragraphs = ["old", "old"] },
            CancellationToken.None);

        var summary = await services.GetRequiredService<TranslateActivity>().ExecuteAsync(new TranslateInput(input.ReleaseId, document.Language!.Language, "fr"), CancellationToken.None);

        Assert.Equal(1, translator.Calls);
        Assert.Equal("counting", summary.Provider);
    }
}
