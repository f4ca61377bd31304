using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Output;

/// <summary>Name rows seen again are rewritten only when they changed or their refresh interval has passed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntityNameWriterTests(AzuriteFixture azurite)
{
    sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task A_name_seen_again_is_written_only_when_changed_or_stale()
    {
        var storage = azurite.CreateStorage();
        await storage.EnsureCreatedAsync(CancellationToken.None);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        var writer = new EntityNameWriter(storage, clock);
        var key = $"person:test-{Guid.NewGuid():N}";

        EntityNameRow Row(string release, string english) => new()
        {
            PartitionKey = ReleaseRows.NamePartition("voronkov"),
            RowKey = $"voronkov|{key}",
            Token = "voronkov",
            EntityKey = key,
            Category = "Person",
            Name = "فلاديمير فورونكوف",
            English = english,
            LastReleaseId = release,
        };

        async Task<string?> LastReleaseAsync() =>
            (await storage.EntityNamesTable.GetEntityAsync<EntityNameRow>(ReleaseRows.NamePartition("voronkov"), $"voronkov|{key}")).Value.LastReleaseId;

        Assert.Equal(1, await writer.WriteAsync([Row("release-a", "Vladimir Voronkov")], CancellationToken.None));
        Assert.Equal("release-a", await LastReleaseAsync());

        // Seen again at once with nothing changed: not rewritten, so the row still names the first release.
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(0, await writer.WriteAsync([Row("release-b", "Vladimir Voronkov")], CancellationToken.None));
        Assert.Equal("release-a", await LastReleaseAsync());

        // A changed English name is written at once.
        Assert.Equal(1, await writer.WriteAsync([Row("release-c", "Vladimir Ivanovich Voronkov")], CancellationToken.None));
        Assert.Equal("release-c", await LastReleaseAsync());

        // Past the refresh interval the same row is written again.
        clock.Now += EntityNameWriter.RefreshInterval;
        Assert.Equal(1, await writer.WriteAsync([Row("release-d", "Vladimir Ivanovich Voronkov")], CancellationToken.None));
        Assert.Equal("release-d", await LastReleaseAsync());
    }
}
