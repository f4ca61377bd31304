using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PressRoom.Tests.Output;

/// <summary>HTTP calls to a running host's API, as a downstream client makes them.</summary>
public sealed class ApiClient(string baseUrl, string? key) : IDisposable
{
    readonly HttpClient http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient Http => http;

    public async Task<(int Status, JsonElement Body)> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<(int Status, string Body, string? ContentType)> GetTextAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        AddKey(request);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    public async Task<(int Status, JsonElement Body)> UploadAsync(string fileName, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = new ByteArrayContent(content) };
        request.Headers.Add(ReleasesApi.FileNameHeader, Uri.EscapeDataString(fileName));
        return await SendAsync(request);
    }

    public async Task<(int Status, JsonElement Body)> UploadMultipartAsync(string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "ignored.txt");
        form.Add(new StringContent(fileName, Encoding.UTF8), "fileName");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/releases") { Content = form };
        return await SendAsync(request);
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request, bool withKey = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (withKey)
        {
            AddKey(request);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body);
    }

    void AddKey(HttpRequestMessage request)
    {
        if (key is not null)
        {
            request.Headers.Add(ApiKeyFilter.HeaderName, key);
        }
    }

    public void Dispose() => http.Dispose();
}
