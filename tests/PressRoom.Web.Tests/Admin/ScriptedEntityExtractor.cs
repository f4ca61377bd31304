using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Workflow;

namespace PressRoom.Tests.Admin;

/// <summary>
/// What the test has the entity provider do, per key written into a release's text:
/// <c>[[fail:KEY]]</c> rejects (permanently) until the key is healed, <c>[[flaky:KEY]]</c> fails its first call only,
/// <c>[[hang:KEY]]</c> blocks until <see cref="ReleaseHangs"/>, <c>[[stall:KEY]]</c> blocks until the key is healed.
/// </summary>
public sealed class ProviderScript
{
    readonly ConcurrentDictionary<string, bool> healed = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    readonly TaskCompletionSource hangs = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Heal(string key) => healed[key] = true;

    public bool IsHealed(string key) => healed.ContainsKey(key);

    public int Call(string key) => calls.AddOrUpdate(key, 1, (_, n) => n + 1);

    public void ReleaseHangs() => hangs.TrySetResult();

    public Task Hang => hangs.Task;
}

/// <summary>
/// A provider that fails the way a cloud provider does (a permanent refusal, a transient error, a stall) for releases
/// marked by the test, and otherwise answers like the builtin provider.
/// </summary>
public sealed partial class ScriptedEntityExtractor(IEntityExtractor inner, ProviderScript script) : IEntityExtractor
{
    public string Name => inner.Name;

    public async Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var marker = Marker().Match(request.Text);
        if (marker.Success)
        {
            var (mode, key) = (marker.Groups[1].Value, marker.Groups[2].Value);
            switch (mode)
            {
                case "fail" when !script.IsHealed(key):
                    throw new PermanentFailureException("ProviderRejected", $"Scripted provider refused release {key} (HTTP 400 InvalidDocument).");
                case "flaky" when script.Call(key) == 1:
                    throw new HttpRequestException($"Scripted provider unavailable for {key} (HTTP 503).");
                case "hang":
                    await script.Hang.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
                    break;
                case "stall":
                    while (!script.IsHealed(key))
                    {
                        await Task.Delay(100, cancellationToken);
                    }

                    break;
            }
        }

        return await inner.ExtractAsync(request, cancellationToken);
    }

    [GeneratedRegex(@"\[\[(fail|flaky|hang|stall):([a-z0-9-]+)\]\]")]
    private static partial Regex Marker();
}
