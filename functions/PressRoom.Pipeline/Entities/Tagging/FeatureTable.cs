namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Open-addressing hash table from feature key to weight row (power-of-two capacity, load ≤ 0.5, linear probing):
/// the hot lookup of the tagger, no allocation. Key and row share a slot so a hit reads one cache line, not two
/// (the table is larger than the cache, so most lookups miss it).
/// </summary>
internal sealed class FeatureTable
{
    readonly Slot[] _slots;
    readonly int _shift;

    public FeatureTable(IReadOnlyList<uint> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var capacity = 16;
        while (capacity < keys.Count * 2)
        {
            capacity <<= 1;
        }

        _slots = new Slot[capacity];
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)capacity);
        for (var row = 0; row < keys.Count; row++)
        {
            var slot = Home(keys[row]);
            while (_slots[slot].Key != 0)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            _slots[slot] = new Slot(keys[row], row);
        }

        Count = keys.Count;
    }

    public int Count { get; }

    /// <summary>The row of <paramref name="key"/>, or -1.</summary>
    public int Find(uint key)
    {
        var mask = _slots.Length - 1;
        var slot = Home(key);
        while (true)
        {
            ref readonly var s = ref _slots[slot];
            if (s.Key == key)
            {
                return s.Row;
            }

            if (s.Key == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    int Home(uint key) => (int)((key * 2654435769u) >> _shift);

    public long Bytes => _slots.Length * 8L;

    readonly record struct Slot(uint Key, int Row);
}
