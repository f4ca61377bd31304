namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>The PDF RunLength filter as a reader, so its output (up to 128 times the input) is never held whole.</summary>
internal sealed class RunLengthReadStream(Stream inner) : Stream
{
    int literalLeft;
    int repeatLeft;
    int repeatByte;
    bool ended;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int written = 0;
        while (written < buffer.Length && !ended)
        {
            if (repeatLeft > 0)
            {
                int n = Math.Min(repeatLeft, buffer.Length - written);
                buffer.Slice(written, n).Fill((byte)repeatByte);
                written += n;
                repeatLeft -= n;
            }
            else if (literalLeft > 0)
            {
                int b = inner.ReadByte();
                if (b < 0)
                {
                    ended = true;
                    break;
                }

                buffer[written++] = (byte)b;
                literalLeft--;
            }
            else
            {
                int length = inner.ReadByte();
                if (length is < 0 or 128)
                {
                    ended = true;
                }
                else if (length < 128)
                {
                    literalLeft = length + 1;
                }
                else
                {
                    repeatByte = inner.ReadByte();
                    repeatLeft = repeatByte < 0 ? 0 : 257 - length;
                    ended = repeatByte < 0;
                }
            }
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
