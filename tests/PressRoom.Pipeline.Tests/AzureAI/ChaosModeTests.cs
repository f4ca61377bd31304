using System.Net;
using System.Text;
using System.Text.Json;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Translation;
using PressRoom.Tests.AzureAI.Fakes;

namespace PressRoom.Tests.AzureAI;

/// <summary>The fakes' chaos mode answers like a struggling service, and the real clients ride it out.</summary>
public sealed class ChaosModeTests
{
    [Fact]
    public async Task Every_request_faulted_gives_429_with_retry_after_500_with_the_documented_body_or_a_hang()
    {
        await using var fake = await FakeTranslator.StartAsync();
        var chaos = fake.EnableChaos(seed: 11, rate: 1.0, hangFor: TimeSpan.FromSeconds(60));

        // In parallel, so the hangs cost one client timeout in all; the timeout is generous so only hangs reach it.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        var statuses = await Task.WhenAll(Enumerable.Range(0, 15).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fake.Server.BaseAddress, "/translate?api-version=3.0&to=en"))
            {
                Content = new StringContent("[{\"Text\":\"مرحبا\"}]", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Ocp-Apim-Subscription-Key", fake.ExpectedKey);
            try
            {
                using var response = await http.SendAsync(request);
                var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code");
                Assert.Equal(JsonValueKind.Number, code.ValueKind);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.Equal(429001, code.GetInt32());
                    Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
                }
                else
                {
                    Assert.Equal((HttpStatusCode.InternalServerError, 500000), (response.StatusCode, code.GetInt32()));
                }

                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TaskCanceledException)
            {
                return "timeout";
            }
        }));

        Assert.Equal(0, chaos.Passed);
        Assert.Equal(chaos.Throttled, statuses.Count(s => s == "429"));
        Assert.Equal(chaos.ServerErrors, statuses.Count(s => s == "500"));
        Assert.Equal(chaos.Hangs, statuses.Count(s => s == "timeout"));
        Assert.All(new[] { chaos.Throttled, chaos.ServerErrors, chaos.Hangs }, n => Assert.True(n > 0, chaos.ToString()));
    }

    [Fact]
    public void The_same_seed_gives_the_same_fault_sequence()
    {
        static string Sequence(int seed)
        {
            var chaos = new FakeChaos(seed, 0.2, _ => "{}");
            return string.Concat(Enumerable.Range(0, 200).Select(_ => (int)chaos.Next()));
        }

        Assert.Equal(Sequence(5), Sequence(5));
        Assert.NotEqual(Sequence(5), Sequence(6));
        var faults = Sequence(5).Count(c => c != '0');
        Assert.InRange(faults, 20, 60); // 20 % of 200, give or take the dice
    }

    [Fact]
    public async Task The_real_clients_ride_out_20_percent_faults_with_retries_and_a_short_per_try_timeout()
    {
        await using var translator = await FakeTranslator.StartAsync(AzureAITestKit.Lexicon);
        await using var language = await FakeLanguage.StartAsync();
        language.Entities.Add(new FakeEntity("الدوحة", "Location", "City", ["Location", "GPE", "City"]));
        var translatorChaos = translator.EnableChaos(seed: 3, rate: 0.2, hangFor: TimeSpan.FromSeconds(5));
        var languageChaos = language.EnableChaos(seed: 4, rate: 0.2, hangFor: TimeSpan.FromSeconds(5));
        var options = AzureAITestKit.FastOptions(maxRetries: 6);
        options.NetworkTimeout = TimeSpan.FromSeconds(1);
        var translation = AzureAITestKit.Translation(translator, options);
        var entities = AzureAITestKit.Entities(language, options);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            var translated = await translation.TranslateAsync(new TranslationRequest([$"اجتماع رقم {i} في الدوحة"], "ar", "en"), CancellationToken.None);
            var found = await entities.ExtractAsync(new EntityRequest($"عقد الاجتماع رقم {i} في الدوحة.", "ar"), CancellationToken.None);
            return (translated.Status, found.Entities.Count);
        }));

        Assert.All(results, r => Assert.Equal((TranslationStatus.Translated, 1), r));
        Assert.True(translatorChaos.Injected + languageChaos.Injected > 0, $"translator: {translatorChaos}; language: {languageChaos}");
        Assert.Equal(translatorChaos.Injected + translatorChaos.Passed, translator.TranslateRequests.Count());
        Assert.Equal(languageChaos.Injected + languageChaos.Passed, language.AnalyzeRequests.Count());
    }
}
