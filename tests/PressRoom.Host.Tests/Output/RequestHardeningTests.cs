using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PressRoom.Host.Runtime;
using PressRoom.Web;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>A keyless local runtime (the developer default) with its log captured.</summary>
public sealed class KeylessRuntimeFixture : IAsyncLifetime
{
    AzuriteInstance? azurite;

    public LocalRuntime Runtime { get; private set; } = null!;

    public LogCapture Log { get; } = new();

    public Uri Url => new(Runtime.Url);

    public async Task InitializeAsync()
    {
        azurite = await AzuriteInstance.StartAsync();
        Runtime = await TestRuntime.StartAsync(azurite.ConnectionString, false, services => services.AddSingleton<ILoggerProvider>(Log));
    }

    public async Task DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await azurite!.DisposeAsync();
    }
}

/// <summary>
/// Issue 18: CSRF and DNS rebinding without a key, and bodies that are too large, of the wrong kind or too slow —
/// each refused with its status and a JSON reason, never a 500 or a stack trace in the log.
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed class RequestHardeningTests(KeylessRuntimeFixture fixture) : IClassFixture<KeylessRuntimeFixture>
{
    const string ForeignOrigin = "http://127.0.0.1:1";

    string OwnOrigin => $"http://127.0.0.1:{fixture.Url.Port}";

    [Fact]
    public async Task A_no_cors_style_upload_from_another_origin_is_refused_and_stores_nothing()
    {
        using var http = Client();

        // What fetch(url, {mode: 'no-cors', method: 'POST', body: FormData}) sends from a page on another loopback port.
        using var form = Form("csrf.txt", "uploaded by another site");
        using var crossForm = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = form };
        crossForm.Headers.Add("Origin", ForeignOrigin);
        crossForm.Headers.Add("Sec-Fetch-Site", "same-site");
        var (status, body) = await SendAsync(http, crossForm);
        Assert.Equal(403, status);
        Assert.Equal(ApiErrorCodes.Forbidden, body.GetProperty("error").GetProperty("code").GetString());

        // text/plain, the other body a page may send without a preflight.
        using var crossText = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = new StringContent("plain text release", Encoding.UTF8, "text/plain") };
        crossText.Headers.Add("Origin", ForeignOrigin);
        Assert.Equal(403, (await SendAsync(http, crossText)).Status);

        // DNS rebinding: the browser sends the attacker's host name to 127.0.0.1, and no Origin on a same-"origin" request.
        using var rebound = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = Form("rebound.txt", "via rebinding") };
        rebound.Headers.Host = $"attacker.example:{fixture.Url.Port}";
        Assert.Equal(403, (await SendAsync(http, rebound)).Status);
        using var reboundRead = new HttpRequestMessage(HttpMethod.Get, "/api/releases");
        reboundRead.Headers.Host = $"attacker.example:{fixture.Url.Port}";
        Assert.Equal(403, (await SendAsync(http, reboundRead)).Status);

        var names = new List<string>();
        await foreach (var blob in fixture.Runtime.Storage.ReleasesContainer.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.DoesNotContain("csrf.txt", names);
        Assert.DoesNotContain("rebound.txt", names);
    }

    [Fact]
    public async Task The_servers_own_page_still_uploads_and_localhost_is_a_loopback_name()
    {
        using var http = Client();
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = Form("same-origin.txt", "بيان من الصفحة نفسها") };
        sameOrigin.Headers.Add("Origin", OwnOrigin);
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        var (status, body) = await SendAsync(http, sameOrigin);
        Assert.Equal(202, status);
        Assert.Equal("releases/same-origin.txt", body.GetProperty("blob").GetString());

        using var viaLocalhost = new HttpRequestMessage(HttpMethod.Get, "/api/releases");
        viaLocalhost.Headers.Host = $"localhost:{fixture.Url.Port}";
        Assert.Equal(200, (await SendAsync(http, viaLocalhost)).Status);
    }

    [Fact]
    public async Task An_admin_restart_needs_a_JSON_body_from_the_servers_own_origin()
    {
        using var http = Client();
        const string path = "/api/admin/instances/release-0123456789abcdef-0123456789abcdef/restart";

        using var crossSite = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"reason\":\"csrf\"}", Encoding.UTF8, "text/plain") };
        crossSite.Headers.Add("Origin", ForeignOrigin);
        Assert.Equal(403, (await SendAsync(http, crossSite)).Status);

        // A no-cors GET-less request without Origin still carries Sec-Fetch-Site in every current browser.
        using var noOrigin = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"reason\":\"csrf\"}", Encoding.UTF8, "text/plain") };
        noOrigin.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(403, (await SendAsync(http, noOrigin)).Status);

        using var plain = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"reason\":\"same origin, wrong type\"}", Encoding.UTF8, "text/plain") };
        plain.Headers.Add("Origin", OwnOrigin);
        var (plainStatus, plainBody) = await SendAsync(http, plain);
        Assert.Equal(415, plainStatus);
        Assert.Equal("UnsupportedMediaType", plainBody.GetProperty("error").GetProperty("code").GetString());

        // The dashboard's own call: past both checks, to the action itself (no such instance).
        using var json = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"reason\":\"dashboard\"}", Encoding.UTF8, "application/json") };
        json.Headers.Add("Origin", OwnOrigin);
        Assert.Equal(404, (await SendAsync(http, json)).Status);
    }

    [Fact]
    public async Task A_200_MB_multipart_body_is_413_and_a_urlencoded_body_is_415_without_a_stack_trace()
    {
        using var http = Client();

        // Over a raw socket: the server answers 413 at the limit and closes, which HttpClient reports as a send error.
        const string boundary = "b0undary";
        var head = $"POST /api/releases HTTP/1.1\r\nHost: 127.0.0.1:{fixture.Url.Port}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n" +
                   $"Content-Length: {200L * 1024 * 1024}\r\n\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.txt\"\r\n\r\n";
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)'a');
        var response = await RawExchangeAsync(head, 200 * 16, chunk, TimeSpan.Zero);
        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
        Assert.Contains(ApiErrorCodes.TooLarge, response, StringComparison.Ordinal);

        // Without Content-Length (chunked) the upload limit stops it while reading.
        var chunkedHead = $"POST /api/releases HTTP/1.1\r\nHost: 127.0.0.1:{fixture.Url.Port}\r\nX-File-Name: huge.bin\r\nTransfer-Encoding: chunked\r\n\r\n";
        var framed = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n").Concat(chunk).Concat("\r\n"u8.ToArray()).ToArray();
        var chunked = await RawExchangeAsync(chunkedHead, 200 * 16, framed, TimeSpan.Zero);
        Assert.StartsWith("HTTP/1.1 413", chunked, StringComparison.Ordinal);

        using var urlencoded = new HttpRequestMessage(HttpMethod.Post, "/api/releases")
        {
            Content = new FormUrlEncodedContent([new("file", new string('x', 100_000)), new("fileName", "form.txt")]),
        };
        var (formStatus, formBody) = await SendAsync(http, urlencoded);
        Assert.Equal(415, formStatus);
        Assert.Equal(ApiErrorCodes.UnsupportedMediaType, formBody.GetProperty("error").GetProperty("code").GetString());

        using var broken = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\nno closing boundary") };
        broken.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        Assert.Equal(400, (await SendAsync(http, broken)).Status);

        AssertNoStackTraces();
    }

    [Fact]
    public async Task A_body_trickling_one_byte_every_two_seconds_is_408()
    {
        var head = $"POST /api/releases HTTP/1.1\r\nHost: 127.0.0.1:{fixture.Url.Port}\r\nX-File-Name: slow.txt\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n";

        // Kestrel's minimum body rate (240 B/s after a 5 s grace period) ends this within seconds; 60 s is the test's bound.
        var response = await RawExchangeAsync(head, 30, "x"u8.ToArray(), TimeSpan.FromSeconds(2));
        Assert.StartsWith("HTTP/1.1 408", response, StringComparison.Ordinal);
        Assert.Contains(ApiErrorCodes.RequestTimeout, response, StringComparison.Ordinal);
        AssertNoStackTraces();
    }

    /// <summary>Sends a request head and then <paramref name="count"/> copies of a chunk (pausing between them) until the server answers or closes.</summary>
    async Task<string> RawExchangeAsync(string head, int count, byte[] chunk, TimeSpan pause)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, fixture.Url.Port);
        var stream = tcp.GetStream();
        var response = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    lock (response)
                    {
                        response.Append(Encoding.UTF8.GetString(buffer, 0, read));
                    }
                }
            }
            catch (IOException)
            {
                // The server reset the connection after answering.
            }
        });

        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            for (var i = 0; i < count && !reading.IsCompleted; i++)
            {
                await stream.WriteAsync(chunk);
                if (pause > TimeSpan.Zero)
                {
                    await Task.WhenAny(reading, Task.Delay(pause));
                }
            }
        }
        catch (IOException)
        {
            // The server stopped reading: its answer is already on the way.
        }

        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(15)));
        lock (response)
        {
            return response.ToString();
        }
    }

    void AssertNoStackTraces()
    {
        var bad = fixture.Log.Entries.Where(e => e.Exception is not null || e.Level >= LogLevel.Error || e.Message.Contains("   at ", StringComparison.Ordinal)).ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}")));
    }

    HttpClient Client() => new() { BaseAddress = fixture.Url, Timeout = TimeSpan.FromSeconds(120) };

    static MultipartFormDataContent Form(string name, string text)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        return form;
    }

    static async Task<(int Status, JsonElement Body)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
