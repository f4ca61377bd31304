using System.Diagnostics;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PressRoom.Tests.Integration;

/// <summary>
/// Survival under faults: runtimes killed with SIGKILL at random moments and storage restarted mid-run while a burst
/// is in flight. Every release must end exactly once. (The 200-release version is `pressroom bench faults`-style
/// documented in docs/reliability.md; this one is sized to fit the test suite.)
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Random_kills_and_a_storage_restart_during_a_burst_lose_nothing_and_duplicate_nothing()
    {
        const int Releases = 40;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"seed {seed}");

        var location = Directory.CreateTempSubdirectory("pressroom-fault-").FullName;
        var azurite = await AzuriteInstance.StartAsync(location);
        int blob = azurite.BlobPort, queue = azurite.QueuePort, table = azurite.TablePort;
        var connection = azurite.ConnectionString;
        var settings = WalkingSkeletonTests.FastRecovery(TestRuntime.NewTaskHub());
        var runtime = RuntimeProcess.Start(PressroomBuild.Dll, connection, settings);
        try
        {
            var ids = await WalkingSkeletonTests.UploadReleasesAsync(azurite.CreateStorage(), Releases, "fault");
            var clock = Stopwatch.StartNew();

            // Two kills at random moments, each followed at once by a fresh runtime.
            for (int kill = 0; kill < 2; kill++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_500, 6_000)));
                output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s kill -9 {runtime.Id}");
                runtime.KillHard();
                await runtime.DisposeAsync();
                runtime = RuntimeProcess.Start(PressroomBuild.Dll, connection, settings);
            }

            // Storage goes away and comes back (graceful stop so Azurite keeps its data), under the running runtime.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_000, 4_000)));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s restarting Azurite");
            await azurite.StopGracefullyAsync();
            await azurite.DisposeAsync();
            await Task.Delay(2_000);
            azurite = await AzuriteInstance.StartAsync(location, blob, queue, table);

            var storage = azurite.CreateStorage();
            var rows = await ReleaseAssertions.WaitForFinalRowsAsync(storage, ids, TimeSpan.FromMinutes(4));
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s {rows.Count}/{Releases} final");
            Assert.True(rows.Count == Releases, $"{rows.Count}/{Releases} finished. Azurite exited: {azurite.HasExited}; Azurite:\n{string.Join('\n', azurite.Log.TakeLast(20))}\nRuntime output:\n{Tail(runtime.Output)}");
            Assert.All(rows, r => Assert.Equal("Completed", r.GetString("Status")));
            Assert.Equal(Releases, (await ReleaseAssertions.ReleaseRowsAsync(storage)).Count);

            var events = await EventQueue.ReadAllAsync(storage);
            var processed = ReleaseAssertions.EventsPerRelease(events, ReleaseEventTypes.Processed);
            Assert.Equal(Releases, processed.Count);
            Assert.All(processed, kv => Assert.True(kv.Value == 1, $"{kv.Key}: {kv.Value} processed events"));
            Assert.DoesNotContain(events, e => e.GetProperty("type").GetString() != ReleaseEventTypes.Processed);
        }
        finally
        {
            await runtime.DisposeAsync();
            await azurite.DisposeAsync();
            Directory.Delete(location, recursive: true);
        }
    }

    static string Tail(string text) => text[^Math.Min(4000, text.Length)..];
}
