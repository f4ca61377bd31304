using System.Buffers;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// A write-only stream onto a block blob that holds at most one block in memory: a body that fits one block is
/// uploaded in one request when the stream completes; a larger one is staged block by block and committed at the end.
/// Why: release.json and the entity lists of a very large release run to tens of megabytes, and serializing them into
/// one array first doubled the save's peak memory.
/// </summary>
internal sealed class BlockUploadStream(BlockBlobClient blob, BlobHttpHeaders headers, int blockBytes) : Stream
{
    readonly List<string> blocks = [];
    byte[] buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
    int filled;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        while (source.Length > 0)
        {
            int take = Math.Min(source.Length, blockBytes - filled);
            source.Span[..take].CopyTo(buffer.AsSpan(filled));
            filled += take;
            source = source[take..];
            if (filled == blockBytes)
            {
                await StageAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] source, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(source.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Uploads what is left and commits; call once after the last write.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (blocks.Count == 0)
        {
            using var single = new MemoryStream(buffer, 0, filled, writable: false);
            await blob.UploadAsync(single, new BlobUploadOptions { HttpHeaders = headers }, cancellationToken);
            return;
        }

        if (filled > 0)
        {
            await StageAsync(cancellationToken);
        }

        await blob.CommitBlockListAsync(blocks, new CommitBlockListOptions { HttpHeaders = headers }, cancellationToken);
    }

    async Task StageAsync(CancellationToken cancellationToken)
    {
        // Block ids must be base64 of equal length within a blob.
        var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(blocks.Count.ToString("D6", CultureInfo.InvariantCulture)));
        using (var block = new MemoryStream(buffer, 0, filled, writable: false))
        {
            await blob.StageBlockAsync(id, block, new BlockBlobStageBlockOptions(), cancellationToken);
        }

        blocks.Add(id);
        filled = 0;
    }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }

        base.Dispose(disposing);
    }
}
