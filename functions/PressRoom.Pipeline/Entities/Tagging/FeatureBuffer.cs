namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>The feature keys of one token sequence, flattened: token i owns Keys[Offsets[i]..Offsets[i + 1]]. Reused across segments.</summary>
internal sealed class FeatureBuffer
{
    uint[] _keys = new uint[1024];
    int[] _offsets = new int[65];

    public int Count { get; private set; }

    public int Length { get; private set; }

    public void Clear()
    {
        Count = 0;
        Length = 0;
        _offsets[0] = 0;
    }

    public void Add(uint key)
    {
        if (Length == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[Length++] = key;
    }

    /// <summary>Closes the current token.</summary>
    public void EndToken()
    {
        if (Count + 2 > _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }

        _offsets[++Count] = Length;
    }

    public ReadOnlySpan<uint> Token(int i) => _keys.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);

    public uint[] ToKeys() => _keys[..Length];

    public int[] ToOffsets() => _offsets[..(Count + 1)];
}
