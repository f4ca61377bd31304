using System.Buffers;

namespace PressRoom.Pipeline.Storage;

/// <summary>The streamed JSON readers' one buffer: rented from the shared pool and doubled when a token does not fit.</summary>
internal static class PooledBuffer
{
    /// <summary>A buffer twice the size holding the first <paramref name="filled"/> bytes; the old one goes back to the pool.</summary>
    public static byte[] Grow(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
