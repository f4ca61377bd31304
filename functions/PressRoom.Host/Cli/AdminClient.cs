using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using PressRoom.Host.Runtime;

namespace PressRoom.Host.Cli;

/// <summary>
/// The CLI's way to the admin API of a running host: <c>pressroom serve</c> on loopback by default, or a Functions
/// app with <c>--url</c>. The key comes from <c>--key</c>, <c>PRESSROOM_ADMIN_KEY</c> or <c>Api:AdminKey</c>; it is
/// sent as <c>X-Api-Key</c> (both hosts check PressRoom's own admin/reader keys), never printed.
/// </summary>
public sealed class AdminClient : IDisposable
{
    readonly HttpClient http;

    AdminClient(HttpClient http) => this.http = http;

    public static Option<string?> UrlOption() => new("--url") { Description = "Host address (default: PressRoom:Url, http://127.0.0.1:7071)" };

    public static Option<string?> KeyOption() => new("--key") { Description = "Admin or reader key (default: PRESSROOM_ADMIN_KEY or Api:AdminKey)" };

    public static AdminClient Create(string? url, string? key)
    {
        var configuration = CliConfiguration.Build();
        var options = configuration.GetSection(LocalRuntimeOptions.Section).Get<LocalRuntimeOptions>() ?? new LocalRuntimeOptions();
        var http = new HttpClient { BaseAddress = new Uri(url ?? options.Url), Timeout = TimeSpan.FromMinutes(2) };
        var secret = key ?? Environment.GetEnvironmentVariable("PRESSROOM_ADMIN_KEY") ?? configuration[$"{ApiOptions.Section}:{nameof(ApiOptions.AdminKey)}"];
        if (!string.IsNullOrEmpty(secret))
        {
            http.DefaultRequestHeaders.Add(AdminAccess.KeyHeader, secret);
        }

        http.DefaultRequestHeaders.Add(AdminAccess.UserHeader, Environment.UserName);
        return new AdminClient(http);
    }

    public async Task<AdminResponse> SendAsync(HttpMethod method, string path, string? reason, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (reason is not null)
        {
            request.Content = JsonContent.Create(new { reason });
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new AdminResponse(0, default, $"Cannot reach {http.BaseAddress}: {ex.Message}. Is 'pressroom serve' running?");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement body = default;
            if (text.Length > 0)
            {
                try
                {
                    body = JsonDocument.Parse(text).RootElement.Clone();
                }
                catch (JsonException)
                {
                    return new AdminResponse((int)response.StatusCode, default, text);
                }
            }

            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e.GetProperty("message").GetString() : null;
            return new AdminResponse((int)response.StatusCode, body, error);
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>An admin API answer: status 0 when the host could not be reached.</summary>
public sealed record AdminResponse(int Status, JsonElement Body, string? Error)
{
    public bool Ok => Status is >= 200 and < 300;
}
