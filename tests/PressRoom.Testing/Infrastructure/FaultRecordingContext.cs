using System.Collections.Concurrent;

namespace PressRoom.Tests.Infrastructure;

/// <summary>
/// A synchronization context that records what <c>async void</c> methods throw. Outside a test such an exception ends
/// the process (there is no context: it is rethrown on the thread pool); xUnit's own context would hide it. Code run
/// through <see cref="RunAsync"/> — and every async void handler it triggers — reports its crashes here instead.
/// </summary>
public sealed class FaultRecordingContext : SynchronizationContext
{
    public ConcurrentQueue<Exception> Faults { get; } = new();

    public override void Post(SendOrPostCallback d, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ => Run(d, state), null);

    public override void Send(SendOrPostCallback d, object? state) => Run(d, state);

    public override SynchronizationContext CreateCopy() => this;

    public Task RunAsync(Func<Task> action) => Task.Run(async () =>
    {
        SetSynchronizationContext(this);
        await action();
    });

    void Run(SendOrPostCallback d, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            d(state);
        }
        catch (Exception ex)
        {
            // An async void method rethrows its exception through Post: this is the crash being recorded.
            Faults.Enqueue(ex);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
