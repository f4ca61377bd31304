namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>BIO tags of a model and which tag may follow which (I-X only after B-X or I-X).</summary>
internal sealed class TagSet
{
    public static readonly IReadOnlyList<string> Default = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    readonly Dictionary<string, int> _index;

    public TagSet(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Names = tags;
        _index = tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        Outside = _index["O"];

        // Allowed[(prev + 1) * Count + cur]; prev = -1 is the sentence start.
        Allowed = new bool[(Count + 1) * Count];
        for (var prev = -1; prev < Count; prev++)
        {
            for (var cur = 0; cur < Count; cur++)
            {
                var c = tags[cur];
                Allowed[(prev + 1) * Count + cur] = !c.StartsWith("I-", StringComparison.Ordinal)
                    || (prev >= 0 && tags[prev].Length > 2 && tags[prev].AsSpan(2).SequenceEqual(c.AsSpan(2)));
            }
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public int Outside { get; }

    public bool[] Allowed { get; }

    public int IndexOf(string tag) => _index.TryGetValue(tag, out var i) ? i : Outside;
}
