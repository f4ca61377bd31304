namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>The PDF RunLength filter as a reader, so its output (up to 128 times the input) is never held whole.</summary>
internal sealed class RunLengthReadStream(Stream inner) : ForwardReadStream(inner)
{
    int literalLeft;
    int repeatLeft;
    int repeatByte;
    bool ended;

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
                int b = Inner.ReadByte();
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
                int length = Inner.ReadByte();
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
                    repeatByte = Inner.ReadByte();
                    repeatLeft = repeatByte < 0 ? 0 : 257 - length;
                    ended = repeatByte < 0;
                }
            }
        }

        return written;
    }
}
