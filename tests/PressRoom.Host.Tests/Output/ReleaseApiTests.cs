using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Documents.Fixtures;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>One local runtime with an API key and a 64 KiB upload limit, shared by the HTTP API tests.</summary>
public sealed class ApiRuntimeFixture : IAsyncLifetime
{
    public const string Key = "test-api-key-7f3a";
    public const long UploadLimit = 64 * 1024;

    AzuriteInstance? azurite;

    public LocalRuntime Runtime { get; private set; } = null!;

    public ApiClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteInstance.StartAsync();
        Runtime = await TestRuntime.StartAsync(azurite.ConnectionString, true, $"Api:Key={Key}", $"Documents:MaxOriginalBytes={UploadLimit}");
        Client = new ApiClient(Runtime.Url, Key);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Runtime.DisposeAsync();
        await azurite!.DisposeAsync();
    }
}

/// <summary>The public HTTP API over real tables: auth, limits, errors, paging, filters, entity search, uploads, OpenAPI.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class ReleaseApiTests(ApiRuntimeFixture fixture) : IClassFixture<ApiRuntimeFixture>
{
    ApiClient Api => fixture.Client;

    PressRoomStorage Storage => fixture.Runtime.Storage;

    [Fact]
    public async Task Without_the_key_every_upload_and_read_endpoint_answers_401_as_json()
    {
        using var anonymous = new ApiClient(fixture.Runtime.Url, key: null);
        using var wrong = new ApiClient(fixture.Runtime.Url, key: "not-the-key");
        foreach (var path in new[] { "/api/releases", "/api/releases/0123456789abcdef-0123456789abcdef", "/api/entities?q=test", "/api/entities/person:x/releases" })
        {
            foreach (var client in new[] { anonymous, wrong })
            {
                var (status, body) = await client.GetJsonAsync(path);
                Assert.Equal(401, status);
                Assert.Equal(ApiErrorCodes.Unauthorized, body.GetProperty("error").GetProperty("code").GetString());
            }
        }

        var (uploadStatus, _) = await anonymous.UploadAsync("x.txt", Encoding.UTF8.GetBytes("نص"));
        Assert.Equal(401, uploadStatus);
        Assert.Equal(200, (await Api.GetJsonAsync("/api/releases")).Status);
        Assert.Equal(200, (await anonymous.GetJsonAsync("/api/openapi.json")).Status);
    }

    [Fact]
    public void Without_a_configured_key_only_loopback_callers_are_served()
    {
        var remote = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        remote.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.1.2.3");
        var local = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        local.Connection.RemoteIpAddress = System.Net.IPAddress.IPv6Loopback;
        var keyed = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        keyed.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.1.2.3");
        keyed.Request.Headers[ApiKeyFilter.HeaderName] = "k";

        Assert.NotNull(ApiKeyFilter.Check(remote, key: null));
        Assert.Null(ApiKeyFilter.Check(local, key: null));
        Assert.Null(ApiKeyFilter.Check(keyed, key: "k"));
        Assert.NotNull(ApiKeyFilter.Check(remote, key: "k"));
    }

    [Fact]
    public async Task Uploads_over_the_limit_get_413_and_bad_uploads_400_with_reason_codes()
    {
        var big = new byte[ApiRuntimeFixture.UploadLimit + 1];
        Array.Fill(big, (byte)'a');
        var (raw, rawBody) = await Api.UploadAsync("big.txt", big);
        Assert.Equal(413, raw);
        Assert.Equal(ApiErrorCodes.TooLarge, rawBody.GetProperty("error").GetProperty("code").GetString());
        var (multipart, multipartBody) = await Api.UploadMultipartAsync("big.txt", big);
        Assert.Equal(413, multipart);
        Assert.Equal(ApiErrorCodes.TooLarge, multipartBody.GetProperty("error").GetProperty("code").GetString());

        using var unnamed = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = new ByteArrayContent([1, 2, 3]) };
        Assert.Equal(ApiErrorCodes.MissingFileName, (await Api.SendAsync(unnamed)).Body.GetProperty("error").GetProperty("code").GetString());
        var (empty, emptyBody) = await Api.UploadAsync("empty.txt", []);
        Assert.Equal(400, empty);
        Assert.Equal(ApiErrorCodes.Empty, emptyBody.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(ApiErrorCodes.InvalidFileName, (await Api.UploadAsync("..", [1])).Body.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_releases_and_bad_parameters_get_404_and_400_without_stack_traces()
    {
        foreach (var path in new[] { "/api/releases/0123456789abcdef-0123456789abcdef", "/api/releases/not-an-id", "/api/releases/0123456789abcdef-0123456789abcdef/text?lang=en", "/api/releases/0123456789abcdef-0123456789abcdef/status" })
        {
            var (status, body) = await Api.GetJsonAsync(path);
            Assert.Equal(404, status);
            Assert.Equal(ApiErrorCodes.NotFound, body.GetProperty("error").GetProperty("code").GetString());
        }

        foreach (var query in new[] { "top=0", "top=101", "since=yesterday", "status=Bogus", "language=1", "continuation=%%%" })
        {
            var (status, body) = await Api.GetJsonAsync($"/api/releases?{query}");
            Assert.Equal(400, status);
            Assert.Equal(ApiErrorCodes.InvalidParameter, body.GetProperty("error").GetProperty("code").GetString());
            Assert.DoesNotContain("   at ", body.GetRawText(), StringComparison.Ordinal);
        }

        Assert.Equal(400, (await Api.GetJsonAsync("/api/entities?q=")).Status);
    }

    [Fact]
    public async Task Paging_through_250_releases_returns_each_once_newest_first_and_filters_match()
    {
        // Written through the same code SaveResults uses (ReleaseLifecycle), in months no other test uses.
        var lifecycle = fixture.Runtime.Services.GetRequiredService<ReleaseLifecycle>();
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 250).Select(i => Record(i, start.AddHours(8 * i))).ToList();
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await lifecycle.RecordOutcomeAsync(r, ct));

        var all = await PageThroughAsync("since=2023-01-01&until=2023-03-31T23:59:59Z", 40);
        Assert.Equal(7, all.Pages);
        Assert.Equal(250, all.Items.Count);
        Assert.Equal(records.Select(r => r.ReleaseId).OrderBy(x => x), all.Items.Select(i => i.GetProperty("releaseId").GetString()).OrderBy(x => x));
        var times = all.Items.Select(i => i.GetProperty("receivedAt").GetDateTimeOffset()).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First > p.Second), "Not newest first.");

        var rejected = await PageThroughAsync("since=2023-01-01&until=2023-03-31T23:59:59Z&status=Rejected", 100);
        Assert.Equal(records.Count(r => r.Status == ReleaseStatus.Rejected), rejected.Items.Count);
        var english = await PageThroughAsync("since=2023-01-01&until=2023-03-31T23:59:59Z&language=en&status=Completed", 100);
        Assert.Equal(records.Count(r => r.Language == "en" && r.Status == ReleaseStatus.Completed), english.Items.Count);
        var february = await PageThroughAsync("since=2023-02-01&until=2023-02-28T23:59:59Z", 30);
        Assert.Equal(records.Count(r => r.ReceivedAt.Month == 2), february.Items.Count);
        Assert.All(february.Items, i => Assert.Equal(2, i.GetProperty("receivedAt").GetDateTimeOffset().Month));
    }

    [Fact]
    public async Task Entity_search_finds_people_by_arabic_and_english_name_with_normalized_matching()
    {
        var seed = await File.ReadAllTextAsync(RepoPaths.SeedRelease);
        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(seed), "search/seed.txt");
        ExtractedEntity Entity(string category, string text, string english, string key)
        {
            var offset = document.Text.IndexOf(text, StringComparison.Ordinal);
            Assert.True(offset >= 0, $"'{text}' is not in the seed.");
            return new ExtractedEntity { Category = category, Text = text, Offset = offset, Length = text.Length, English = english, Key = key, Confidence = 0.9, Provider = "test" };
        }

        var entities = new List<ExtractedEntity>
        {
            Entity("Person", "علياء أحمد بن سيف آل ثاني", "Alya Ahmed bin Saif Al-Thani", "person:alya-ahmed-bin-saif-al-thani"),
            Entity("Person", "فلاديمير فورونكوف", "Vladimir Voronkov", "person:vladimir-voronkov"),
            Entity("Person", "عبد العزيز عبد الله الأنصاري", "Abdulaziz Abdullah Al-Ansari", "person:abdulaziz-abdullah-al-ansari"),
            Entity("Organization", "مكتب الأمم المتحدة لمكافحة الإرهاب", "United Nations Office of Counter-Terrorism", "organization:unoct"),
            Entity("DateTime", "2019", "2019", "datetime:2019"),
        };
        var input = await EventPublisherTests.SavedInputAsync(fixture.Runtime.Services.GetRequiredService<ReleaseArtifacts>(), "search/seed.txt", entities, seed);
        await fixture.Runtime.Services.GetRequiredService<SaveResultsActivity>().ExecuteAsync(input, CancellationToken.None);
        var releaseId = input.Release.ReleaseId;

        await AssertFindsAsync("فورونكوف", "person:vladimir-voronkov");
        await AssertFindsAsync("Voronkov", "person:vladimir-voronkov");
        await AssertFindsAsync("voron", "person:vladimir-voronkov");
        await AssertFindsAsync("الانصاري", "person:abdulaziz-abdullah-al-ansari");
        await AssertFindsAsync("انصاري", "person:abdulaziz-abdullah-al-ansari");
        await AssertFindsAsync("Al-Ansari", "person:abdulaziz-abdullah-al-ansari");
        await AssertFindsAsync("عَبْد العزيز الأنصاري", "person:abdulaziz-abdullah-al-ansari", only: true);
        await AssertFindsAsync("علياء آل ثاني", "person:alya-ahmed-bin-saif-al-thani", only: true);
        await AssertFindsAsync("al thani", "person:alya-ahmed-bin-saif-al-thani");
        await AssertFindsAsync("مكافحه الارهاب", "organization:unoct");

        var (_, persons) = await Api.GetJsonAsync($"/api/entities?q={Uri.EscapeDataString("الأمم")}&category=Person");
        Assert.Empty(persons.GetProperty("items").EnumerateArray());
        var (_, dates) = await Api.GetJsonAsync("/api/entities?q=2019");
        Assert.Empty(dates.GetProperty("items").EnumerateArray());

        var (status, mentions) = await Api.GetJsonAsync($"/api/entities/{Uri.EscapeDataString("person:vladimir-voronkov")}/releases");
        Assert.Equal(200, status);
        Assert.Equal(releaseId, Assert.Single(mentions.GetProperty("items").EnumerateArray()).GetProperty("releaseId").GetString());
        var (_, filtered) = await Api.GetJsonAsync($"/api/releases?entity={Uri.EscapeDataString("person:vladimir-voronkov")}");
        Assert.Equal(releaseId, Assert.Single(filtered.GetProperty("items").EnumerateArray()).GetProperty("releaseId").GetString());

        var (_, detail) = await Api.GetJsonAsync($"/api/releases/{releaseId}");
        var voronkov = detail.GetProperty("entities").GetProperty("ar").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "person:vladimir-voronkov");
        var paragraph = detail.GetProperty("source").GetProperty("paragraphs")[voronkov.GetProperty("paragraph").GetInt32()].GetString()!;
        Assert.Equal("فلاديمير فورونكوف", paragraph.Substring(voronkov.GetProperty("paragraphOffset").GetInt32(), voronkov.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task An_upload_is_processed_by_the_pipeline_and_the_same_upload_again_is_a_duplicate()
    {
        var content = Encoding.UTF8.GetBytes("بيان تجريبي للرفع\n\nالدوحة - 3 مايو\n\nهذه فقرة من بيان رُفع عبر واجهة البرمجة.\n");
        var (status, accepted) = await Api.UploadAsync("api-upload.txt", content);
        Assert.Equal(202, status);
        var releaseId = accepted.GetProperty("releaseId").GetString()!;
        Assert.False(accepted.GetProperty("duplicate").GetBoolean());
        Assert.Equal($"/api/releases/{releaseId}/status", accepted.GetProperty("statusUrl").GetString());
        await WaitForStatusAsync(releaseId, ReleaseStatus.Completed);

        var (again, duplicate) = await Api.UploadAsync("api-upload.txt", content);
        Assert.Equal(202, again);
        Assert.Equal(releaseId, duplicate.GetProperty("releaseId").GetString());
        Assert.True(duplicate.GetProperty("duplicate").GetBoolean());

        var (multipart, viaForm) = await Api.UploadMultipartAsync("نموذج.txt", Encoding.UTF8.GetBytes("بيان عبر نموذج\n\nنص البيان.\n"));
        Assert.Equal(202, multipart);
        Assert.Equal("releases/نموذج.txt", viaForm.GetProperty("blob").GetString());
        await WaitForStatusAsync(viaForm.GetProperty("releaseId").GetString()!, ReleaseStatus.Completed);
    }

    [Fact]
    public async Task The_openapi_document_lists_exactly_the_routes_both_hosts_expose()
    {
        using var anonymous = new ApiClient(fixture.Runtime.Url, key: null);
        var (status, document) = await anonymous.GetJsonAsync("/api/openapi.json");
        Assert.Equal(200, status);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .Order().ToList();

        // Local host: the endpoints actually mapped, tagged as the public API.
        var local = fixture.Runtime.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags.Contains(ReleasesApiEndpoints.Tag) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order().ToList();
        Assert.Equal(documented, local);

        // Functions app: the HTTP triggers of the public API (route prefix "api"); admin and page functions are documented apart.
        var functions = typeof(PressRoom.Functions.ApiFunctions).GetMethods()
            .SelectMany(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Where(a => a is not null))
            .SelectMany(a => a!.Methods!.Select(m => $"{m.ToUpperInvariant()} /api/{a.Route}"))
            .Order().ToList();
        Assert.Equal(documented, functions);
    }

    [Fact]
    public async Task The_generated_openapi_document_describes_every_field_of_real_responses()
    {
        // A processed release with entities (saved through the real save activity), then real answers of the API.
        var seed = await File.ReadAllTextAsync(RepoPaths.SeedRelease);
        var document = await TestReaders.ReadAsync(Encoding.UTF8.GetBytes(seed), "openapi/seed.txt");
        const string name = "فلاديمير فورونكوف";
        var entity = new ExtractedEntity { Category = "Person", Text = name, Offset = document.Text.IndexOf(name, StringComparison.Ordinal), Length = name.Length, English = "Vladimir Voronkov", Key = "person:vladimir-voronkov", Confidence = 0.9, Provider = "test" };
        var input = await EventPublisherTests.SavedInputAsync(fixture.Runtime.Services.GetRequiredService<ReleaseArtifacts>(), "openapi/seed.txt", [entity], seed);
        await fixture.Runtime.Services.GetRequiredService<SaveResultsActivity>().ExecuteAsync(input, CancellationToken.None);
        var releaseId = input.Release.ReleaseId;
        var (_, accepted) = await Api.UploadAsync("openapi-status.txt", Encoding.UTF8.GetBytes("بيان لفحص الوصف\n\nفقرة قصيرة.\n"));
        await WaitForStatusAsync(accepted.GetProperty("releaseId").GetString()!, ReleaseStatus.Completed);

        using var anonymous = new ApiClient(fixture.Runtime.Url, key: null);
        var (status, openApi) = await anonymous.GetJsonAsync("/api/openapi.json");
        Assert.Equal(200, status);
        var spec = new OpenApiSpec(openApi);

        // Every route of the one route table is in the generated document, under its operation id.
        foreach (var operation in ApiRoutes.All)
        {
            Assert.Equal(operation.OperationId, spec.Operation(operation.Method, operation.Path).GetProperty("operationId").GetString());
        }

        var statusResponse = await Api.GetJsonAsync($"/api/releases/{releaseId}/status");
        Assert.Contains("stage", statusResponse.Body.EnumerateObject().Select(p => p.Name));
        var responses = new (string Method, string Route, string Path, (int Status, JsonElement Body) Response)[]
        {
            ("GET", ApiRoutes.ReleaseStatus, $"/api/releases/{releaseId}/status", statusResponse),
            ("GET", ApiRoutes.Release, $"/api/releases/{releaseId}", await Api.GetJsonAsync($"/api/releases/{releaseId}")),
            ("GET", ApiRoutes.Releases, "/api/releases?top=5", await Api.GetJsonAsync("/api/releases?top=5")),
            ("GET", ApiRoutes.Entities, "/api/entities?q=Voronkov", await Api.GetJsonAsync("/api/entities?q=Voronkov")),
            ("GET", ApiRoutes.EntityReleases, "/api/entities/person:vladimir-voronkov/releases", await Api.GetJsonAsync("/api/entities/person:vladimir-voronkov/releases")),
            ("GET", ApiRoutes.Release, "/api/releases/0123456789abcdef-0123456789abcdef", await Api.GetJsonAsync("/api/releases/0123456789abcdef-0123456789abcdef")),
            ("GET", ApiRoutes.Entities, "/api/entities?q=a", await Api.GetJsonAsync("/api/entities?q=a")),
            ("GET", ApiRoutes.Releases, "/api/releases", await anonymous.GetJsonAsync("/api/releases")),
        };
        Assert.NotEmpty(responses.Single(r => r.Path.Contains("q=Voronkov", StringComparison.Ordinal)).Response.Body.GetProperty("items").EnumerateArray());
        Assert.NotEmpty(responses.First(r => r.Route == ApiRoutes.Release).Response.Body.GetProperty("entities").EnumerateObject());
        foreach (var (method, route, path, (code, body)) in responses)
        {
            var schema = spec.ResponseSchema(method, $"{ApiRoutes.Prefix}/{route}", code);
            var undescribed = spec.Undescribed(body, schema, "$").ToList();
            Assert.True(undescribed.Count == 0, $"{method} {path} ({code}) returns fields its OpenAPI schema does not describe: {string.Join(", ", undescribed)}");
        }

        // Errors are problems that keep the documented error object.
        var error = responses.Single(r => r.Path.EndsWith("0123456789abcdef", StringComparison.Ordinal)).Response.Body;
        Assert.Equal(ApiErrorCodes.NotFound, error.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Equal(ApiErrorCodes.NotFound, error.GetProperty("title").GetString());
        Assert.Equal(error.GetProperty("error").GetProperty("message").GetString(), error.GetProperty("detail").GetString());

        // The Functions app serves the same document.
        var functions = new PressRoom.Functions.ApiFunctions(null!, null!, fixture.Runtime.Services.GetRequiredService<PublicApiDescription>());
        var served = (Microsoft.AspNetCore.Mvc.ContentResult)await functions.GetOpenApi(new Microsoft.AspNetCore.Http.DefaultHttpContext().Request);
        Assert.Equal(openApi.GetRawText(), JsonDocument.Parse(served.Content!).RootElement.GetRawText());
    }

    async Task AssertFindsAsync(string query, string key, bool only = false)
    {
        var (status, body) = await Api.GetJsonAsync($"/api/entities?q={Uri.EscapeDataString(query)}");
        Assert.Equal(200, status);
        var keys = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.True(keys.Contains(key), $"'{query}' did not find {key}; found: {string.Join(", ", keys)}");
        if (only)
        {
            Assert.Single(keys);
        }
    }

    async Task WaitForStatusAsync(string releaseId, string expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var (status, body) = await Api.GetJsonAsync($"/api/releases/{releaseId}/status");
            if (status == 200 && body.GetProperty("status").GetString() == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{releaseId} did not become {expected} (last: {status} {body})");
            await Task.Delay(250);
        }
    }

    async Task<(List<JsonElement> Items, int Pages)> PageThroughAsync(string query, int top)
    {
        var items = new List<JsonElement>();
        string? continuation = null;
        int pages = 0;
        do
        {
            var path = $"/api/releases?{query}&top={top}" + (continuation is null ? string.Empty : $"&continuation={Uri.EscapeDataString(continuation)}");
            var (status, page) = await Api.GetJsonAsync(path);
            Assert.Equal(200, status);
            pages++;
            var batch = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(batch.Count, 1, top);
            items.AddRange(batch);
            continuation = page.GetProperty("continuation").ValueKind == JsonValueKind.String ? page.GetProperty("continuation").GetString() : null;
            Assert.True(pages < 100, "Paging does not end.");
        }
        while (continuation is not null);

        return (items, pages);
    }

    static ReleaseRecord Record(int i, DateTimeOffset receivedAt)
    {
        var blob = $"paging/release-{i:D3}.txt";
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(blob)));
        var rejected = i % 5 == 0;
        return new ReleaseRecord
        {
            ReleaseId = ReleaseIdentity.ReleaseId(blob, sha),
            DocumentId = ReleaseIdentity.DocumentId(blob),
            SourceBlob = blob,
            ContentSha256 = sha,
            Status = rejected ? ReleaseStatus.Rejected : ReleaseStatus.Completed,
            ReasonCode = rejected ? "Empty" : null,
            Reason = rejected ? "The file contains no text." : null,
            Language = rejected ? null : i % 3 == 0 ? "en" : "ar",
            Title = rejected ? null : $"بيان رقم {i}",
            ReceivedAt = receivedAt,
        };
    }
}
