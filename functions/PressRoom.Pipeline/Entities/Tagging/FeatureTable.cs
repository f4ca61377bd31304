namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Open-addressing hash table from feature key to weight row (power-of-two capacity, load ≤ 0.5, linear probing):
/// the hot lookup of the tagger, a couple of array reads per feature and no allocation.
/// </summary>
internal sealed class FeatureTable
{
    readonly uint[] _keys;
    readonly int[] _rows;
    readonly int _shift;

    public FeatureTable(IReadOnlyList<uint> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var capacity = 16;
        while (capacity < keys.Count * 2)
        {
            capacity <<= 1;
        }

        _keys = new uint[capacity];
        _rows = new int[capacity];
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)capacity);
        for (var row = 0; row < keys.Count; row++)
        {
            var slot = Slot(keys[row]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            _keys[slot] = keys[row];
            _rows[slot] = row;
        }

        Count = keys.Count;
    }

    public int Count { get; }

    /// <summary>The row of <paramref name="key"/>, or -1.</summary>
    public int Find(uint key)
    {
        var mask = _keys.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _rows[slot];
            }

            if (k == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    int Slot(uint key) => (int)((key * 2654435769u) >> _shift);

    public long Bytes => _keys.Length * 8L;
}
