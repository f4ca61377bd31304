namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>The PDF ASCIIHex and ASCII85 filters; both shrink their input, so they decode whole.</summary>
internal static class AsciiFilters
{
    public static byte[] HexDecode(ReadOnlySpan<byte> input)
    {
        var output = new List<byte>(input.Length / 2);
        int high = -1;
        foreach (byte b in input)
        {
            if (b == '>')
            {
                break;
            }

            int value = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                continue; // whitespace
            }

            if (high < 0)
            {
                high = value;
            }
            else
            {
                output.Add((byte)(high * 16 + value));
                high = -1;
            }
        }

        if (high >= 0)
        {
            output.Add((byte)(high * 16));
        }

        return [.. output];
    }

    public static byte[] Ascii85Decode(ReadOnlySpan<byte> input)
    {
        var output = new List<byte>(input.Length * 4 / 5 + 4);
        Span<byte> group = stackalloc byte[5];
        int count = 0;
        for (int i = 0; i < input.Length; i++)
        {
            byte b = input[i];
            if (b == '~')
            {
                break;
            }

            if (b == 'z' && count == 0)
            {
                output.AddRange([0, 0, 0, 0]);
                continue;
            }

            if (b is < (byte)'!' or > (byte)'u')
            {
                continue; // whitespace or junk
            }

            group[count++] = b;
            if (count == 5)
            {
                Emit(group, 4, output);
                count = 0;
            }
        }

        if (count > 1)
        {
            for (int i = count; i < 5; i++)
            {
                group[i] = (byte)'u';
            }

            Emit(group, count - 1, output);
        }

        return [.. output];
    }

    static void Emit(ReadOnlySpan<byte> group, int bytes, List<byte> output)
    {
        uint value = 0;
        foreach (byte b in group)
        {
            value = unchecked(value * 85 + (uint)(b - '!'));
        }

        for (int i = 0; i < bytes; i++)
        {
            output.Add((byte)(value >> (24 - 8 * i)));
        }
    }
}
