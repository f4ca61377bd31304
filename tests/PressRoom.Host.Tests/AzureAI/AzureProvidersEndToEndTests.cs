using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Host.Cli;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.AzureAI;

/// <summary>
/// The local runtime configured with Translation:Provider=azure and Entities:Provider=both, pointed at the fakes,
/// processes the seed release; the stored translation, bilingual entities and usage counts are checked.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureProvidersEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string HouseName = "United Nations Office of Counter-Terrorism";

    static readonly Dictionary<string, string> SeedLexicon = new(AzureAITestKit.Lexicon)
    {
        ["فلاديمير فورونكوف"] = "Vladimir Voronkov",
        ["الحوار الاستراتيجي"] = "the strategic dialogue",
    };

    static void TeachArabicAndEnglish(FakeLanguage language)
    {
        var currency = new JsonObject { ["metadataKind"] = "CurrencyMetadata", ["value"] = 15000000, ["unit"] = "United States dollar", ["iso4217"] = "USD" };
        language.Entities.AddRange(
        [
            new FakeEntity("مكتب الأمم المتحدة لمكافحة الإرهاب", "Organization", "Organization", ["Organization"]),
            new FakeEntity("الدوحة", "Location", "City", ["Location", "GPE", "City"]),
            new FakeEntity("دولة قطر", "Location", "CountryRegion", ["Location", "GPE", "CountryRegion"]),
            new FakeEntity("فلاديمير فورونكوف", "Person", "Person", ["Person"]),
            new FakeEntity("15 مليون دولار", "Quantity", "Currency", ["Numeric", "Currency"], currency),
            new FakeEntity(HouseName, "Organization", "Organization", ["Organization"]),
            new FakeEntity("Doha", "Location", "City", ["Location", "GPE", "City"]),
            new FakeEntity("State of Qatar", "Location", "CountryRegion", ["Location", "GPE", "CountryRegion"]),
            new FakeEntity("Vladimir Voronkov", "Person", "Person", ["Person"]),
            new FakeEntity("15 million dollars", "Quantity", "Currency", ["Numeric", "Currency"], currency),
        ]);
        language.Links.Add(new FakeLink(HouseName, HouseName, "https://en.wikipedia.org/wiki/United_Nations_Office_of_Counter-Terrorism", HouseName));
    }

    [Fact]
    public async Task The_runtime_with_both_azure_providers_processes_the_seed_release()
    {
        await using var translator = await FakeTranslator.StartAsync(SeedLexicon);
        await using var language = await FakeLanguage.StartAsync();
        translator.ExpectedRegion = "qatarcentral";
        TeachArabicAndEnglish(language);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        string[] args =
        [
            $"--{StorageNames.ConnectionName}={azurite.ConnectionString}",
            "--PressRoom:Url=http://127.0.0.1:0",
            "--shutdownTimeoutSeconds=5",
            $"--PressRoom:TaskHub=azureai{Guid.NewGuid():N}"[..40],
            "--Translation:Provider=azure",
            $"--Translation:Endpoint={translator.Server.BaseAddress}",
            "--Translation:Region=qatarcentral",
            $"--Translation:Key={translator.ExpectedKey}",
            "--Entities:Provider=both",
            $"--Language:Endpoint={language.Server.BaseAddress}",
            $"--Language:Key={language.ExpectedKey}",
            "--AzureAI:Glossary:0:Source=مكتب الأمم المتحدة لمكافحة الإرهاب",
            $"--AzureAI:Glossary:0:Target={HouseName}",
        ];

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var runtime = await LocalRuntime.StartAsync(args, watch: true, timeout.Token);
        output.WriteLine($"runtime started in {watch.ElapsedMilliseconds} ms");
        await using var seed = File.OpenRead(RepoPaths.SeedRelease);
        var releaseId = await runtime.Services.GetRequiredService<ReleaseUploader>().UploadAsync($"azureai-e2e-{Guid.NewGuid():N}.txt", seed, timeout.Token);
        var ended = await ReleaseWaiter.WaitAsync(runtime.Client, [releaseId], TimeSpan.FromMinutes(2), null, timeout.Token);

        output.WriteLine($"release ended after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended[releaseId]);
        var artifacts = runtime.Services.GetRequiredService<ReleaseArtifacts>();
        var record = await artifacts.ReadJsonAsync<ReleaseRecord>(releaseId, ReleaseArtifacts.ReleaseFile, timeout.Token);
        Assert.Equal(ReleaseStatus.Completed, record.Status);

        // The stored translation: same paragraphs as the source, the house name from the glossary, alignment kept.
        var translation = await artifacts.ReadJsonAsync<TranslationResult>(releaseId, ReleaseArtifacts.TranslationFile("en"), timeout.Token);
        Assert.Equal(("azure", TranslationStatus.Translated), (translation.Provider, translation.Status));
        Assert.Equal(record.Paragraphs + 1, translation.Paragraphs.Count);
        Assert.Contains(HouseName, record.TranslatedTitles["en"], StringComparison.Ordinal);
        Assert.NotEmpty(translation.Alignment);
        Assert.Contains("en", record.Blobs.Keys);
        var sentToTranslator = translator.TranslateRequests.SelectMany(r => JsonNode.Parse(r.Body)!.AsArray().Select(e => e!["Text"]!.GetValue<string>())).ToList();
        Assert.Contains(sentToTranslator, t => t.Contains($"translation=\"{HouseName}\"", StringComparison.Ordinal));

        // Bilingual entities: the Arabic mention and its English counterpart share a key and both surface forms.
        var arabic = record.Entities["ar"];
        var english = record.Entities["en"];
        var office = arabic.First(e => e.Text == "مكتب الأمم المتحدة لمكافحة الإرهاب");
        Assert.Equal(HouseName, office.English);
        Assert.Equal(HouseName, office.Attributes!["english"]);
        Assert.Equal("https://en.wikipedia.org/wiki/United_Nations_Office_of_Counter-Terrorism", office.Attributes["wikipediaUrl"]);
        Assert.Contains(english, e => e.Text == HouseName && e.Key == office.Key && e.Attributes?.GetValueOrDefault("source") == office.Text);
        var doha = arabic.First(e => e.Text == "الدوحة");
        Assert.Equal("Doha", doha.English);
        Assert.Equal(english.First(e => e.Text == "Doha").Key, doha.Key);
        var money = arabic.First(e => e.Text == "15 مليون دولار");
        Assert.Equal("15000000 USD", money.Value);
        Assert.Contains(money.English, new[] { "15 million dollars", "USD 15,000,000" });
        Assert.Equal("Vladimir Voronkov", arabic.First(e => e.Category == "Person" && e.Text.Contains("فورونكوف", StringComparison.Ordinal)).English);

        // Rows: the ReleaseEntities table carries the English name of Arabic entities (one row per entity key).
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in runtime.Storage.EntitiesTable.QueryAsync<Azure.Data.Tables.TableEntity>(r => r.PartitionKey == TableKeys.Sanitize(releaseId), cancellationToken: timeout.Token))
        {
            rows.Add(row);
        }

        Assert.Contains(rows, r => r.GetString("Language") == "ar" && r.GetString("EntityKey") == doha.Key && r.GetString("English") == "Doha"
            && r.GetInt32("MentionCount") == arabic.Count(e => e.Key == doha.Key));

        // Usage: characters per provider, equal to what the fakes received (translator: code points incl. markup).
        var translatorCharacters = sentToTranslator.Sum(t => (long)t.EnumerateRunes().Count());
        // Only this release's texts: the runtime's watcher may also take in a blob another test left in the shared container.
        var ownTexts = new[]
        {
            await artifacts.TryReadTextAsync(releaseId, ReleaseArtifacts.TextFile("source"), timeout.Token),
            await artifacts.TryReadTextAsync(releaseId, ReleaseArtifacts.TextFile("en"), timeout.Token),
        }.OfType<string>().ToList();
        Assert.Equal(2, ownTexts.Count);
        static IEnumerable<string> Texts(RecordedRequest r) =>
            JsonNode.Parse(r.Body)!["analysisInput"]!["documents"]!.AsArray().Select(d => d!["text"]!.GetValue<string>());
        bool Own(string text) => ownTexts.Any(own => own.Contains(text, StringComparison.Ordinal));
        var languageCharacters = language.AnalyzeRequests.SelectMany(Texts).Where(Own).Sum(t => (long)t.EnumerateRunes().Count());
        Assert.Equal(translatorCharacters, record.CharactersSentByProvider["azure"]);
        Assert.Equal(languageCharacters, record.CharactersSentByProvider["both"]);
        var releaseRow = await runtime.Storage.ReleasesTable.GetEntityAsync<Azure.Data.Tables.TableEntity>(
            TableKeys.Sanitize(record.DocumentId), TableKeys.Sanitize(releaseId), cancellationToken: timeout.Token);
        var stored = JsonSerializer.Deserialize<Dictionary<string, long>>(releaseRow.Value.GetString("CharactersSent"))!;
        Assert.Equal(translatorCharacters, stored["azure"]);
        Assert.Equal(languageCharacters, stored["both"]);
        Assert.Single(language.RequestsOfKind("EntityLinking"), r => Texts(r).All(Own));
        output.WriteLine($"assertions done after {watch.ElapsedMilliseconds} ms");
    }
}
