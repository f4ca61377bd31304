using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PressRoom.Tests.AzureAI.Fakes;

/// <summary>What the fake received: enough to assert the exact request shape.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string[]> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v[0] : null;
}

/// <summary>A canned answer served before the contract logic runs (throttling, outages, broken bodies, slowness).</summary>
public sealed record ScriptedResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// An in-process Kestrel server on 127.0.0.1 (random port), plain HTTP or HTTPS with a self-signed certificate made
/// on the fly (bearer auth is refused by Azure.Core over plain HTTP). It records every request, tracks concurrency
/// and serves scripted faults first.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly X509Certificate2? certificate;
    int inFlight;
    int maxInFlight;

    FakeHttpServer(WebApplication app, X509Certificate2? certificate, Uri baseAddress)
    {
        this.app = app;
        this.certificate = certificate;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<ScriptedResponse> Script { get; } = new();

    /// <summary>Seeded random faults served before the contract logic (after scripted answers); null: none.</summary>
    public FakeChaos? Chaos { get; set; }

    /// <summary>Delay added to every contract answer (to observe parallelism).</summary>
    public TimeSpan ResponseDelay { get; set; }

    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    public static async Task<FakeHttpServer> StartAsync(Func<RecordedRequest, HttpContext, Task> contract, bool https = false)
    {
        var certificate = https ? CreateCertificate() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        FakeHttpServer? server = null;
        app.Run(context => server!.HandleAsync(context, contract));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeHttpServer(app, certificate, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        return server;
    }

    /// <summary>An Azure.Core transport that trusts exactly this server's certificate.</summary>
    public HttpPipelineTransport Transport()
    {
        var handler = new HttpClientHandler();
        if (certificate is not null)
        {
            var thumbprint = certificate.Thumbprint;
            handler.ServerCertificateCustomValidationCallback = (_, cert, _, errors) =>
                errors == SslPolicyErrors.None || string.Equals(cert?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase);
        }

        return new HttpClientTransport(handler);
    }

    async Task HandleAsync(HttpContext context, Func<RecordedRequest, HttpContext, Task> contract)
    {
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var recorded = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.OrdinalIgnoreCase),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body,
                DateTimeOffset.UtcNow);
            Requests.Enqueue(recorded);

            if (Script.TryDequeue(out var scripted))
            {
                if (scripted.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(scripted.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                context.Response.StatusCode = scripted.Status;
                foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
                {
                    context.Response.Headers[name] = value;
                }

                if (scripted.Body is not null)
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync(scripted.Body, context.RequestAborted);
                }

                return;
            }

            if (Chaos is { } chaos && await ServeChaosAsync(chaos, context))
            {
                return;
            }

            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay);
            }

            await contract(recorded, context);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    /// <summary>Answers with the next chaos fault; true when the answer is complete (a hang falls through to the contract, late).</summary>
    static async Task<bool> ServeChaosAsync(FakeChaos chaos, HttpContext context)
    {
        var fault = chaos.Next();
        switch (fault)
        {
            case ChaosFault.Throttled:
                context.Response.Headers.RetryAfter = chaos.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, 429, chaos.Body(fault));
                return true;
            case ChaosFault.ServerError:
                await WriteErrorAsync(context, 500, chaos.Body(fault));
                return true;
            case ChaosFault.Hang:
                // The client gives up first (its per-try timeout is shorter); the connection abort ends the wait.
                await Task.Delay(chaos.HangFor, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return context.RequestAborted.IsCancellationRequested;
            default:
                return false;
        }
    }

    static async Task WriteErrorAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }

    static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Kestrel needs a certificate whose private key is usable on this platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate?.Dispose();
    }
}
