namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>
/// A read-only pass-through that counts the bytes read from <paramref name="inner"/> and calls
/// <paramref name="exceeded"/> (which throws) as soon as the count passes <paramref name="limit"/>, so a parser
/// reading through it is stopped while it reads, not after it has built the whole thing in memory.
/// </summary>
internal sealed class CountingReadStream(Stream inner, long limit, Func<long, Exception> exceeded, CancellationToken cancellationToken) : ForwardReadStream(inner)
{
    int reads;

    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        // Checked on the first read and every 64 after: a read is at most a few KB, so a cancelled parse stops within
        // milliseconds, and a part opened after the token fired (a slow package open) is not read at all.
        if ((reads++ & 63) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        int read = Inner.Read(buffer);
        BytesRead += read;
        if (BytesRead > limit)
        {
            throw exceeded(BytesRead);
        }

        return read;
    }
}
