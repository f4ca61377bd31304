using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Entities;
using PressRoom.Tests.AzureAI.Fakes;

namespace PressRoom.Tests.AzureAI;

public sealed class LanguageContractTests
{
    const string Sample = "أعلنت وزارة الداخلية في الدوحة عن دعم بقيمة 15 مليون دولار في ديسمبر 2018.";

    static void KnowSampleEntities(FakeLanguage fake)
    {
        fake.Entities.Add(new FakeEntity("وزارة الداخلية", "Organization", "Organization", ["Organization"]));
        fake.Entities.Add(new FakeEntity("الدوحة", "Location", "City", ["Location", "GPE", "City"]));
        fake.Entities.Add(new FakeEntity("15 مليون دولار", "Quantity", "Currency", ["Numeric", "Currency"],
            new JsonObject { ["metadataKind"] = "CurrencyMetadata", ["value"] = 15000000, ["unit"] = "United States dollar", ["iso4217"] = "USD" }));
        fake.Entities.Add(new FakeEntity("ديسمبر 2018", "DateTime", "DateRange", ["Temporal", "DateRange"],
            new JsonObject { ["metadataKind"] = "TemporalSpanMetadata", ["spanValues"] = new JsonArray(new JsonObject { ["begin"] = "2018-12-01", ["end"] = "2019-01-01", ["timex"] = "2018-12" }) }));
    }

    [Fact]
    public async Task Key_auth_sends_the_documented_request_and_parses_categories_types_tags_and_metadata()
    {
        await using var fake = await FakeLanguage.StartAsync();
        KnowSampleEntities(fake);
        var extractor = AzureAITestKit.Entities(fake);

        var result = await extractor.ExtractAsync(new EntityRequest(Sample, "ar"), CancellationToken.None);

        var request = Assert.Single(fake.AnalyzeRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/language/:analyze-text", request.Path);
        Assert.Equal("2024-11-01", request.QueryValue("api-version"));
        Assert.Equal("language-test-key", request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Authorization"));
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("EntityRecognition", body["kind"]!.GetValue<string>());
        Assert.Equal("Utf16CodeUnit", body["parameters"]!["stringIndexType"]!.GetValue<string>());
        var document = Assert.Single(body["analysisInput"]!["documents"]!.AsArray())!;
        Assert.Equal("ar", document["language"]!.GetValue<string>());
        Assert.Equal(Sample.TrimEnd(), document["text"]!.GetValue<string>());

        Assert.Equal("azure", result.Provider);
        Assert.Empty(result.Warnings);
        Assert.Equal(Sample.Length, result.CharactersSent);
        var city = result.Entities.Single(e => e.Text == "الدوحة");
        Assert.Equal(("Location", "City", Sample.IndexOf("الدوحة", StringComparison.Ordinal)), (city.Category, city.Subcategory, city.Offset));
        Assert.Equal("Location,GPE,City", city.Attributes!["tags"]);
        var money = result.Entities.Single(e => e.Category == "Quantity");
        Assert.Equal(("Currency", "15000000 USD", "quantity:15000000-usd"), (money.Subcategory, money.Value, money.Key));
        var date = result.Entities.Single(e => e.Category == "DateTime");
        Assert.Equal("2018-12-01/2019-01-01", date.Value);
        Assert.All(result.Entities, e => Assert.Equal(e.Text, Sample.Substring(e.Offset, e.Length)));
    }

    [Fact]
    public async Task Entra_auth_sends_a_bearer_token_for_the_cognitive_services_scope()
    {
        await using var fake = await FakeLanguage.StartAsync(https: true);
        fake.ExpectedBearerToken = "language-entra-token";
        KnowSampleEntities(fake);
        var credential = new FixedTokenCredential("language-entra-token");
        var extractor = AzureAITestKit.Entities(fake, connection: AzureAIConnection.WithToken(fake.Server.BaseAddress, credential));

        var result = await extractor.ExtractAsync(new EntityRequest(Sample, "ar"), CancellationToken.None);

        var request = Assert.Single(fake.AnalyzeRequests);
        Assert.Equal("Bearer language-entra-token", request.Header("Authorization"));
        Assert.Null(request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.First());
        Assert.Equal(4, result.Entities.Count);
    }

    [Fact]
    public async Task A_6000_character_paragraph_becomes_two_documents_and_offsets_map_back_to_the_whole_text()
    {
        await using var fake = await FakeLanguage.StartAsync();
        KnowSampleEntities(fake);
        var paragraph = Repeat("ناقش الطرفان التعاون. ", 6000 - Sample.Length) + Sample;
        Assert.True(paragraph.Length >= 6000);
        var text = "عنوان البيان\n\n" + paragraph;
        var extractor = AzureAITestKit.Entities(fake);

        var result = await extractor.ExtractAsync(new EntityRequest(text, "ar"), CancellationToken.None);

        var documents = JsonNode.Parse(Assert.Single(fake.AnalyzeRequests).Body)!["analysisInput"]!["documents"]!.AsArray();
        Assert.Equal(2, documents.Count);
        Assert.All(documents, d => Assert.True(new StringInfo(d!["text"]!.GetValue<string>()).LengthInTextElements <= 5000));
        Assert.All(documents, d => Assert.EndsWith(".", d!["text"]!.GetValue<string>(), StringComparison.Ordinal));
        var doha = result.Entities.Single(e => e.Text == "الدوحة");
        Assert.Equal(text.LastIndexOf("الدوحة", StringComparison.Ordinal), doha.Offset);
        Assert.All(result.Entities, e => Assert.Equal(e.Text, text.Substring(e.Offset, e.Length)));
    }

    [Fact]
    public async Task Seven_chunks_go_in_two_requests_of_five_and_two_documents()
    {
        await using var fake = await FakeLanguage.StartAsync();
        KnowSampleEntities(fake);
        var chunk = Repeat("ناقش الطرفان فرص التعاون في المنطقة. ", 4900);
        var text = string.Join("\n\n", Enumerable.Range(0, 7).Select(i => chunk + $" الفقرة {i} في الدوحة."));
        var extractor = AzureAITestKit.Entities(fake);

        var result = await extractor.ExtractAsync(new EntityRequest(text, "ar"), CancellationToken.None);

        var requests = fake.RequestsOfKind("EntityRecognition").ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal([2, 5], requests.Select(r => JsonNode.Parse(r.Body)!["analysisInput"]!["documents"]!.AsArray().Count).Order());
        var dohas = result.Entities.Where(e => e.Text == "الدوحة").Select(e => e.Offset).ToList();
        Assert.Equal(AllIndexes(text, "الدوحة"), dohas);
    }

    [Fact]
    public async Task Offsets_are_right_on_arabic_with_diacritics_where_text_elements_and_code_units_differ()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.Entities.Add(new FakeEntity("محمد بن عبد الله", "Person", "Person", ["Person"]));
        fake.Entities.Add(new FakeEntity("الدوحة", "Location", "City", ["Location", "GPE", "City"]));
        var voweled = "وَصَلَ الشَّيْخُ مُحَمَّدُ بْنُ عَبْدِ اللَّهِ إِلَى الدَّوْحَةِ صَبَاحَ الْيَوْمِ.";
        var text = Repeat("قَالَ الْمُتَحَدِّثُ إِنَّ الْاجْتِمَاعَ نَاجِحٌ. ", 12_000) + voweled;
        Assert.NotEqual(text.Length, new StringInfo(text).LengthInTextElements);
        var extractor = AzureAITestKit.Entities(fake);

        var result = await extractor.ExtractAsync(new EntityRequest(text, "ar"), CancellationToken.None);

        // The document limit counts text elements: a full document holds more than 5,000 UTF-16 code units of voweled text.
        var documents = JsonNode.Parse(Assert.Single(fake.AnalyzeRequests).Body)!["analysisInput"]!["documents"]!.AsArray().Select(d => d!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, documents.Count);
        Assert.True(documents[0].Length > 5000);
        Assert.All(documents, d => Assert.True(new StringInfo(d).LengthInTextElements <= 5000));
        var person = result.Entities.Single(e => e.Category == "Person");
        Assert.Equal("مُحَمَّدُ بْنُ عَبْدِ اللَّهِ", person.Text);
        Assert.Equal(text.IndexOf("مُحَمَّدُ", StringComparison.Ordinal), person.Offset);
        var city = result.Entities.Single(e => e.Category == "Location");
        Assert.Equal("الدَّوْحَةِ", text.Substring(city.Offset, city.Length));
        Assert.Equal(city.Key, EntityKeys.Make("Location", "الدوحة"));
    }

    [Fact]
    public async Task Documents_answered_out_of_order_are_matched_by_id()
    {
        await using var fake = await FakeLanguage.StartAsync();
        var names = new[] { "الدوحة", "الرياض", "القاهرة", "عمان", "بيروت" };
        foreach (var name in names)
        {
            fake.Entities.Add(new FakeEntity(name, "Location", "City", ["Location", "GPE", "City"]));
        }

        var filler = Repeat("ناقش الطرفان فرص التعاون. ", 3500);
        var text = string.Join("\n\n", names.Select(n => $"{filler} وصل الوفد إلى {n}."));
        var extractor = AzureAITestKit.Entities(fake);

        var result = await extractor.ExtractAsync(new EntityRequest(text, "ar"), CancellationToken.None);

        // The fake answers documents in reverse order; entities must still land in their own chunk.
        Assert.InRange(JsonNode.Parse(Assert.Single(fake.AnalyzeRequests).Body)!["analysisInput"]!["documents"]!.AsArray().Count, 3, 5);
        Assert.Equal(names, result.Entities.Select(e => e.Text));
        Assert.All(result.Entities, e => Assert.Equal(e.Text, text.Substring(e.Offset, e.Length)));
    }

    [Fact]
    public async Task A_refused_document_fails_only_its_chunk_with_a_warning()
    {
        await using var fake = await FakeLanguage.StartAsync();
        KnowSampleEntities(fake);
        fake.RejectDocumentsContaining = "غير صالح";
        var bad = Repeat("نص غير صالح للتحليل. ", 4000);
        var text = bad + "\n\n" + Repeat("ناقش الطرفان التعاون. ", 4000) + Sample;
        var extractor = AzureAITestKit.Entities(fake);

        var result = await extractor.ExtractAsync(new EntityRequest(text, "ar"), CancellationToken.None);

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("InvalidDocument", warning, StringComparison.Ordinal);
        Assert.Contains("chunk 0", warning, StringComparison.Ordinal);
        Assert.Equal(4, result.Entities.Count);
    }

    [Fact]
    public async Task An_unsupported_language_on_every_chunk_means_nothing_could_be_extracted()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.UnsupportedNerLanguages.Add("ar");
        var extractor = AzureAITestKit.Entities(fake);

        var error = await Assert.ThrowsAsync<EntitiesUnavailableException>(() => extractor.ExtractAsync(new EntityRequest(Sample, "ar"), CancellationToken.None));

        Assert.Contains("UnsupportedLanguageCode", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<PermanentFailureException>(error);
    }

    [Fact]
    public async Task English_text_also_gets_entity_linking_with_wikipedia_ids()
    {
        await using var fake = await FakeLanguage.StartAsync();
        fake.Entities.Add(new FakeEntity("United Nations", "Organization", "Organization", ["Organization"]));
        fake.Entities.Add(new FakeEntity("Doha", "Location", "City", ["Location", "GPE", "City"]));
        fake.Links.Add(new FakeLink("United Nations", "United Nations", "https://en.wikipedia.org/wiki/United_Nations", "United Nations", "UN"));
        var text = "The United Nations met in Doha. The UN welcomed the results.";
        var extractor = AzureAITestKit.Entities(fake);

        var result = await extractor.ExtractAsync(new EntityRequest(text, "en"), CancellationToken.None);

        Assert.Single(fake.RequestsOfKind("EntityRecognition"));
        var linking = JsonNode.Parse(Assert.Single(fake.RequestsOfKind("EntityLinking")).Body)!;
        Assert.Equal("Utf16CodeUnit", linking["parameters"]!["stringIndexType"]!.GetValue<string>());
        var un = result.Entities.Single(e => e.Text == "United Nations");
        Assert.Equal("https://en.wikipedia.org/wiki/United_Nations", un.Attributes!["wikipediaUrl"]);
        Assert.Equal("United Nations", un.Attributes["wikipediaId"]);
        Assert.Equal("organization:united-nations", un.Key);
        Assert.Equal("United Nations", un.English);
        Assert.False(result.Entities.Single(e => e.Text == "Doha").Attributes!.ContainsKey("wikipediaUrl"));
        Assert.Equal(2L * text.Length, result.CharactersSent);
    }

    [Fact]
    public async Task Arabic_text_is_not_sent_to_entity_linking()
    {
        await using var fake = await FakeLanguage.StartAsync();
        KnowSampleEntities(fake);

        await AzureAITestKit.Entities(fake).ExtractAsync(new EntityRequest(Sample, "ar"), CancellationToken.None);

        Assert.Empty(fake.RequestsOfKind("EntityLinking"));
    }

    [Fact]
    public async Task Blank_text_costs_nothing()
    {
        await using var fake = await FakeLanguage.StartAsync();

        var result = await AzureAITestKit.Entities(fake).ExtractAsync(new EntityRequest(" \n\n ", "ar"), CancellationToken.None);

        Assert.Empty(result.Entities);
        Assert.Equal(0, result.CharactersSent);
        Assert.Empty(fake.Server.Requests);
    }

    internal static string Repeat(string sentence, int length)
    {
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(sentence);
        }

        return builder.ToString();
    }

    static List<int> AllIndexes(string text, string value)
    {
        var indexes = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            indexes.Add(i);
        }

        return indexes;
    }
}
