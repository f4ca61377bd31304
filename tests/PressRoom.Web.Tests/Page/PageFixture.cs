using PressRoom.Host.Runtime;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Page;

/// <summary>One private Azurite, one real local runtime and one browser for all the page tests of a class: starting them is the slow part.</summary>
public sealed class PageFixture : IAsyncLifetime
{
    AzuriteInstance? azurite;
    LocalRuntime? runtime;
    Browser? browser;

    public LocalRuntime Runtime => runtime ?? throw new InvalidOperationException("Not started.");

    public Browser Browser => browser ?? throw new InvalidOperationException("Not started.");

    public string Url => Runtime.Url.TrimEnd('/') + "/";

    public string StorageConnection => azurite?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        if (Browser.MissingReason is not null)
        {
            return;
        }

        azurite = await AzuriteInstance.StartAsync();
        runtime = await TestRuntime.StartAsync(azurite.ConnectionString);
        browser = Browser.Start();
    }

    public async Task DisposeAsync()
    {
        browser?.Dispose();
        if (runtime is not null)
        {
            await runtime.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
