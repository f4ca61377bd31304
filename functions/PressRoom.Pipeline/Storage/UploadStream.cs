using System.Security.Cryptography;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// A read-only pass-through over an upload body: hashes what flows through (the release id needs the SHA-256), counts
/// it, and stops with <see cref="UploadTooLargeException"/> past the limit, so the blob upload that reads it is
/// abandoned before its block list is committed. This is what lets an upload go to storage without holding it whole.
/// </summary>
public sealed class UploadStream(Stream inner, long limit) : Stream
{
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    readonly byte[] first = new byte[1];
    int firstCount = -1;

    public long BytesRead { get; private set; }

    /// <summary>Reads ahead one byte, so an empty body is refused before any blob is written.</summary>
    public async Task<bool> HasContentAsync(CancellationToken cancellationToken)
    {
        if (firstCount < 0)
        {
            firstCount = await inner.ReadAsync(first, cancellationToken);
        }

        return firstCount > 0;
    }

    /// <summary>SHA-256 of everything read, lower-case hex; call once, after the last read.</summary>
    public string Sha256() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (firstCount > 0 && buffer.Length > 0)
        {
            buffer.Span[0] = first[0];
            firstCount = 0;
            read = 1;
        }
        else
        {
            read = firstCount == 0 && BytesRead == 0 ? 0 : await inner.ReadAsync(buffer, cancellationToken);
        }

        BytesRead += read;
        if (BytesRead > limit)
        {
            throw new UploadTooLargeException(limit);
        }

        hash.AppendData(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>The upload went past its byte limit; nothing was committed to storage.</summary>
public sealed class UploadTooLargeException(long limit) : IOException($"The upload is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}
