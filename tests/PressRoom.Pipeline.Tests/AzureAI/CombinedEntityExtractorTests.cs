using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Pipeline.Entities.Bilingual;

namespace PressRoom.Tests.AzureAI;

public sealed class CombinedEntityExtractorTests
{
    const string Text = "أعلنت وزارة الداخلية في الدوحة عن خطة تمتد حتى 2026.";

    [Fact]
    public async Task Both_providers_run_and_overlapping_mentions_become_one_entity()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.Entities.Add(new FakeEntity("وزارة الداخلية", "Organization", "Organization", ["Organization"]));
        fake.Entities.Add(new FakeEntity("2026", "DateTime", "Date", ["Temporal", "Date"],
            new System.Text.Json.Nodes.JsonObject { ["metadataKind"] = "DateMetadata", ["dateValues"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["timex"] = "2026", ["value"] = "2026" }) }));
        var builtin = new BuiltinEntityExtractor();
        var builtinOnly = await builtin.ExtractAsync(new EntityRequest(Text, "ar"), CancellationToken.None);
        var combined = new CombinedEntityExtractor(builtin, AzureAITestKit.Entities(fake), NullLogger<CombinedEntityExtractor>.Instance);

        var result = await combined.ExtractAsync(new EntityRequest(Text, "ar"), CancellationToken.None);

        Assert.Equal("both", result.Provider);
        Assert.Equal(Text.Length, result.CharactersSent);
        var ministry = result.Entities.Single(e => e.Category == "Organization");
        // Azure found it; where the builtin provider found the same span too, the entity names both.
        Assert.Contains("azure", ministry.Provider.Split('+'));
        foreach (var house in builtinOnly.Entities)
        {
            // Every builtin mention survives, merged with Azure's where they overlap; the house key is kept.
            var kept = result.Entities.Single(e => e.Offset < house.Offset + house.Length && house.Offset < e.Offset + e.Length && e.Category == house.Category);
            Assert.Equal(house.Key, kept.Key);
            if (kept.Provider == "builtin+azure" && kept.Category == "DateTime")
            {
                Assert.Equal("Date", kept.Attributes!["type"]);
            }
        }

        Assert.Equal(result.Entities.Count, result.Entities.Select(e => (e.Offset, e.Category)).Distinct().Count());
    }

    [Fact]
    public async Task When_azure_can_analyse_nothing_the_builtin_result_stands_with_a_warning()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.UnsupportedNerLanguages.Add("ar");
        var builtin = new BuiltinEntityExtractor();
        var combined = new CombinedEntityExtractor(builtin, AzureAITestKit.Entities(fake), NullLogger<CombinedEntityExtractor>.Instance);

        var result = await combined.ExtractAsync(new EntityRequest(Text, "ar"), CancellationToken.None);

        Assert.Equal((await builtin.ExtractAsync(new EntityRequest(Text, "ar"), CancellationToken.None)).Entities.Count, result.Entities.Count);
        Assert.Contains(result.Warnings, w => w.Contains("UnsupportedLanguageCode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_key_is_not_hidden_by_the_builtin_fallback()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.ExpectedKey = "right";
        var azure = AzureAITestKit.Entities(fake, connection: AzureAIConnection.WithKey(fake.Server.BaseAddress, "wrong"));
        var combined = new CombinedEntityExtractor(new BuiltinEntityExtractor(), azure, NullLogger<CombinedEntityExtractor>.Instance);

        await Assert.ThrowsAsync<AzureAIRequestRejectedException>(() => combined.ExtractAsync(new EntityRequest(Text, "ar"), CancellationToken.None));
    }
}
