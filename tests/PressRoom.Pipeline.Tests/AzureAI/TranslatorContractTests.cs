using System.Text;
using System.Text.Json.Nodes;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Translation;
using PressRoom.Tests.AzureAI.Fakes;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Tests.AzureAI;

public sealed class TranslatorContractTests
{
    const string Title = "اجتماع في الدوحة";
    const string Body = "عقدت وزارة الداخلية في الدوحة اجتماعا مع مكتب الأمم المتحدة لمكافحة الإرهاب. وأعلنت دولة قطر دعما بقيمة 15 مليون دولار في ديسمبر 2018.";

    [Fact]
    public async Task Key_auth_on_the_global_endpoint_sends_the_documented_request()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        fake.ExpectedRegion = "qatarcentral";
        var provider = AzureAITestKit.Translation(fake);

        var result = await provider.TranslateAsync(new TranslationRequest([Title, Body], "ar", "en"), CancellationToken.None);

        var request = Assert.Single(fake.TranslateRequests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/translate", request.Path);
        Assert.Equal("3.0", request.QueryValue("api-version"));
        Assert.Equal("ar", request.QueryValue("from"));
        Assert.Equal(["en"], request.Query["to"]);
        Assert.Equal("true", request.QueryValue("includeAlignment"));
        Assert.Equal("translator-test-key", request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal("qatarcentral", request.Header("Ocp-Apim-Subscription-Region"));
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!.AsArray();
        Assert.Equal([Title, Body], body.Select(e => e!["Text"]!.GetValue<string>()));

        Assert.Equal(TranslationStatus.Translated, result.Status);
        Assert.Equal("azure", result.Provider);
        Assert.Equal(2, result.Paragraphs.Count);
        Assert.Contains("Doha", result.Paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("the Ministry of Interior", result.Paragraphs[1], StringComparison.Ordinal);
        Assert.Equal(Title.Length + Body.Length, result.CharactersSent);
    }

    [Fact]
    public async Task Entra_auth_on_a_custom_subdomain_endpoint_sends_a_bearer_token_and_no_key()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon, https: true);
        fake.ExpectedBearerToken = "entra-token-for-tests";
        var credential = new FixedTokenCredential("entra-token-for-tests");
        var endpoint = new Uri(fake.Server.BaseAddress, "/translator/text/v3.0");
        var provider = AzureAITestKit.Translation(fake, connection: AzureAIConnection.WithToken(endpoint, credential));

        var result = await provider.TranslateAsync(new TranslationRequest([Title], "ar", "en"), CancellationToken.None);

        var request = Assert.Single(fake.TranslateRequests);
        Assert.Equal("/translator/text/v3.0/translate", request.Path);
        Assert.Equal("Bearer entra-token-for-tests", request.Header("Authorization"));
        Assert.Null(request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], Assert.Single(credential.Scopes));
        Assert.Equal(TranslationStatus.Translated, result.Status);
    }

    [Theory]
    [InlineData("https://api.cognitive.microsofttranslator.com", "/translate")]
    [InlineData("https://api-eur.cognitive.microsofttranslator.com/", "/translate")]
    [InlineData("https://pressroom-tr.cognitiveservices.azure.com", "/translator/text/v3.0/translate")]
    [InlineData("https://pressroom-tr.cognitiveservices.azure.com/translator/text/v3.0", "/translate")]
    public void Translate_path_follows_the_endpoint_kind(string endpoint, string path) =>
        Assert.Equal(path, TranslatorClient.TranslatePath(new Uri(endpoint)));

    [Fact]
    public async Task A_120000_character_release_goes_in_three_requests_within_the_limits_and_comes_back_in_order()
    {
        await using var fake = await FakeTranslator.StartAsync();
        var paragraphs = Enumerable.Range(0, 120).Select(i => Paragraph(i, 1000)).ToList();
        Assert.Equal(120_000, paragraphs.Sum(p => p.Length));
        var provider = AzureAITestKit.Translation(fake);

        var result = await provider.TranslateAsync(new TranslationRequest(paragraphs, "ar", "en"), CancellationToken.None);

        var requests = fake.TranslateRequests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(CodePoints(r) <= 50_000));
        Assert.Equal(120, result.Paragraphs.Count);
        for (var i = 0; i < 120; i++)
        {
            Assert.StartsWith($"P{i:D4} ", result.Paragraphs[i], StringComparison.Ordinal);
        }

        Assert.Equal(120_000, result.CharactersSent);
    }

    [Fact]
    public async Task Two_targets_halve_the_characters_per_request()
    {
        await using var fake = await FakeTranslator.StartAsync();
        var paragraphs = Enumerable.Range(0, 120).Select(i => Paragraph(i, 1000)).ToList();
        var provider = AzureAITestKit.Translation(fake);

        var results = await provider.TranslateManyAsync(paragraphs, "ar", ["en", "fr"], CancellationToken.None);

        var requests = fake.TranslateRequests.ToList();
        Assert.Equal(5, requests.Count); // ceil(120,000 × 2 ÷ 50,000)
        Assert.All(requests, r => Assert.True(CodePoints(r) * 2 <= 50_000));
        Assert.All(requests, r => Assert.Equal(["en", "fr"], r.Query["to"]));
        Assert.Equal(["en", "fr"], results.Select(r => r.TargetLanguage));
        Assert.All(results, r => Assert.Equal(120, r.Paragraphs.Count));
        Assert.Equal(240_000, results.Sum(r => r.CharactersSent));
    }

    [Fact]
    public async Task A_paragraph_over_the_request_limit_is_cut_between_sentences_and_reassembled_as_one_paragraph()
    {
        await using var fake = await FakeTranslator.StartAsync();
        var sentences = Enumerable.Range(0, 1600).Select(i => $"الجملة رقم {i:D5} في فقرة طويلة جدا.").ToList();
        var longParagraph = string.Join(" ", sentences);
        Assert.True(longParagraph.Length > 50_000);
        var provider = AzureAITestKit.Translation(fake);

        var result = await provider.TranslateAsync(new TranslationRequest([Title, longParagraph, "فقرة أخيرة."], "ar", "en"), CancellationToken.None);

        Assert.Equal(3, result.Paragraphs.Count);
        var sent = fake.TranslateRequests.SelectMany(r => JsonNode.Parse(r.Body)!.AsArray().Select(e => e!["Text"]!.GetValue<string>())).ToList();
        Assert.True(sent.Count >= 4, "the long paragraph must become several elements");
        Assert.All(sent, s => Assert.True(s.EndsWith('.') || s == Title, "an element was cut inside a sentence"));
        // Requests run in parallel, so the fake saw them in any order: put the pieces back by position.
        var pieces = sent.Where(t => t != Title && t != "فقرة أخيرة.").OrderBy(t => longParagraph.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.Equal(longParagraph, string.Join(" ", pieces));
        var numbers = System.Text.RegularExpressions.Regex.Matches(result.Paragraphs[1], @"\d{5}").Select(m => m.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 1600).Select(i => i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)), numbers);
        Assert.DoesNotContain('\n', result.Paragraphs[1]);
    }

    [Fact]
    public async Task Alignment_maps_source_words_to_their_translation_in_paragraph_offsets()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        var provider = AzureAITestKit.Translation(fake);

        var result = await provider.TranslateAsync(new TranslationRequest([Title, Body], "ar", "en"), CancellationToken.None);

        Assert.NotEmpty(result.Alignment);
        var doha = result.Alignment.Single(a => a.Paragraph == 1 && Body[a.SourceStart..a.SourceEnd] == "الدوحة");
        Assert.Equal("Doha", result.Paragraphs[1][doha.TargetStart..doha.TargetEnd]);
        var ministry = result.Alignment.Single(a => a.Paragraph == 1 && Body[a.SourceStart..a.SourceEnd] == "وزارة الداخلية");
        Assert.Equal("the Ministry of Interior", result.Paragraphs[1][ministry.TargetStart..ministry.TargetEnd]);
        Assert.All(result.Alignment, a => Assert.InRange(a.TargetEnd, 1, result.Paragraphs[a.Paragraph].Length));
    }

    [Fact]
    public async Task The_glossary_is_sent_as_dynamic_dictionary_markup_and_alignment_points_at_the_original_term()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        var glossary = TranslatorGlossary.From([new GlossaryEntry { Source = "مكتب الأمم المتحدة لمكافحة الإرهاب", Target = "United Nations Office of Counter-Terrorism" }]);
        var provider = AzureAITestKit.Translation(fake, glossary: glossary);
        var paragraph = "رحب الوزير ومكتب الأمم المتحدة لمكافحة الإرهاب بالنتائج.";

        var result = await provider.TranslateAsync(new TranslationRequest([paragraph], "ar", "en"), CancellationToken.None);

        var sent = JsonNode.Parse(Assert.Single(fake.TranslateRequests).Body)![0]!["Text"]!.GetValue<string>();
        Assert.Equal(
            "رحب الوزير و<mstrans:dictionary translation=\"United Nations Office of Counter-Terrorism\">مكتب الأمم المتحدة لمكافحة الإرهاب</mstrans:dictionary> بالنتائج.",
            sent);
        Assert.Contains("United Nations Office of Counter-Terrorism", result.Paragraphs[0], StringComparison.Ordinal);
        var term = result.Alignment.Single(a => result.Paragraphs[0][a.TargetStart..a.TargetEnd] == "United Nations Office of Counter-Terrorism");
        Assert.Equal("مكتب الأمم المتحدة لمكافحة الإرهاب", paragraph[term.SourceStart..term.SourceEnd]);
        Assert.Equal(sent.Length, result.CharactersSent);
    }

    [Fact]
    public async Task The_glossary_is_not_applied_when_english_is_on_neither_side()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        var glossary = TranslatorGlossary.From([new GlossaryEntry { Source = "الدوحة", Target = "Doha City" }]);
        var provider = AzureAITestKit.Translation(fake, glossary: glossary);

        await provider.TranslateAsync(new TranslationRequest([Title], "ar", "fr"), CancellationToken.None);

        Assert.DoesNotContain("mstrans", Assert.Single(fake.TranslateRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunks_run_in_parallel_up_to_the_cap()
    {
        await using var fake = await FakeTranslator.StartAsync();
        fake.Server.ResponseDelay = TimeSpan.FromMilliseconds(150);
        var options = AzureAITestKit.FastOptions();
        options.MaxParallelRequests = 2;
        var provider = AzureAITestKit.Translation(fake, options);
        var paragraphs = Enumerable.Range(0, 12).Select(i => Paragraph(i, 20_000)).ToList();

        await provider.TranslateAsync(new TranslationRequest(paragraphs, "ar", "en"), CancellationToken.None);

        Assert.Equal(6, fake.TranslateRequests.Count());
        Assert.Equal(2, fake.Server.MaxConcurrentRequests);
    }

    [Fact]
    public async Task Same_language_and_unknown_source_are_skipped_without_calling_the_service()
    {
        await using var fake = await FakeTranslator.StartAsync();
        var provider = AzureAITestKit.Translation(fake);

        var same = await provider.TranslateAsync(new TranslationRequest(["Hello."], "en", "en"), CancellationToken.None);
        var unknown = await provider.TranslateAsync(new TranslationRequest(["؟"], "und", "en"), CancellationToken.None);

        Assert.Equal(TranslationStatus.Skipped, same.Status);
        Assert.Equal(TranslationStatus.Skipped, unknown.Status);
        Assert.Contains("unknown", unknown.Reason, StringComparison.Ordinal);
        Assert.Empty(fake.Server.Requests);
    }

    [Fact]
    public async Task Blank_paragraphs_keep_their_place_without_being_sent()
    {
        await using var fake = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        var provider = AzureAITestKit.Translation(fake);

        var result = await provider.TranslateAsync(new TranslationRequest([Title, " ", Body], "ar", "en"), CancellationToken.None);

        Assert.Equal(3, result.Paragraphs.Count);
        Assert.Equal(2, JsonNode.Parse(Assert.Single(fake.TranslateRequests).Body)!.AsArray().Count);
        Assert.True(string.IsNullOrWhiteSpace(result.Paragraphs[1]));
        Assert.Contains("Ministry", result.Paragraphs[2], StringComparison.Ordinal);
    }

    /// <summary>A paragraph of exactly <paramref name="length"/> characters made of short Arabic sentences, tagged with its number.</summary>
    internal static string Paragraph(int index, int length)
    {
        var builder = new StringBuilder($"P{index:D4} ");
        var sentence = 0;
        while (builder.Length < length)
        {
            builder.Append(sentence++ % 2 == 0 ? "أعلنت الوزارة اليوم عن خطة جديدة للتعاون. " : "وناقش الطرفان فرص الشراكة في المنطقة. ");
        }

        builder.Length = length - 1;
        return builder.Append('.').ToString();
    }

    static int CodePoints(RecordedRequest request) =>
        JsonNode.Parse(request.Body)!.AsArray().Sum(e => e!["Text"]!.GetValue<string>().EnumerateRunes().Count());
}
