using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Infrastructure;

/// <summary>
/// One Azurite shared by storage tests. <c>./test.sh</c> starts one and passes its connection string in
/// <c>PRESSROOM_TEST_STORAGE</c>; without it (an IDE run) this fixture starts its own.
/// Tests that run the whole runtime use a private <see cref="AzuriteInstance"/> instead, to stay isolated.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    AzuriteInstance? own;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("PRESSROOM_TEST_STORAGE");
        if (!string.IsNullOrEmpty(external))
        {
            ConnectionString = external;
            return;
        }

        own = await AzuriteInstance.StartAsync();
        ConnectionString = own.ConnectionString;
    }

    public PressRoomStorage CreateStorage() => PressRoomStorage.FromConnectionString(ConnectionString);

    public async Task DisposeAsync()
    {
        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }
}
