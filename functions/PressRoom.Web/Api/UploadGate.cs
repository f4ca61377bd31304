using Microsoft.Extensions.Options;

namespace PressRoom.Web;

/// <summary>
/// At most <see cref="ApiOptions.MaxConcurrentUploads"/> upload bodies are read at once; the rest wait (their bytes stay
/// in the socket, Kestrel buffers at most 1 MiB per connection), so a burst costs a bounded amount of memory.
/// </summary>
public sealed class UploadGate(IOptions<ApiOptions> options) : IDisposable
{
    readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrentUploads));

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
