using PressRoom.Pipeline.Entities;

namespace PressRoom.Pipeline.Storage;

/// <summary>
/// Mentions folded per entity key as they stream past, in order of first mention: memory grows with distinct
/// entities, not with mentions, so a save can read a large release's mentions once from storage instead of holding them.
/// </summary>
public sealed class MentionFold
{
    readonly Dictionary<string, MentionGroup> groups = new(StringComparer.Ordinal);
    readonly List<MentionGroup> order = [];
    readonly int maxMentionOffsets;
    readonly bool namedOnly;
    int index;

    /// <param name="maxMentionOffsets">Offsets kept per entity.</param>
    public MentionFold(int maxMentionOffsets)
        : this(maxMentionOffsets, namedOnly: false)
    {
    }

    MentionFold(int maxMentionOffsets, bool namedOnly)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxMentionOffsets);
        this.maxMentionOffsets = maxMentionOffsets;
        this.namedOnly = namedOnly;
    }

    /// <summary>A fold of the named mentions only (<see cref="ReleaseRows.IsIndexed"/>), for the index and name rows.</summary>
    public static MentionFold Named() => new(maxMentionOffsets: 0, namedOnly: true);

    /// <summary>Mentions added (those a named-only fold skipped are not counted).</summary>
    public int Mentions { get; private set; }

    /// <summary>Distinct entity keys so far.</summary>
    public int Count => order.Count;

    internal IReadOnlyList<MentionGroup> Groups => order;

    public void Add(ExtractedEntity mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (namedOnly && !ReleaseRows.IsIndexed(mention.Category))
        {
            return;
        }

        if (!groups.TryGetValue(mention.Key, out var group))
        {
            group = new MentionGroup(index, mention);
            groups[mention.Key] = group;
            order.Add(group);
        }

        group.Add(mention, maxMentionOffsets);
        index++;
        Mentions++;
    }
}

/// <summary>The mentions of one entity key: the first, counts, capped offsets and the distinct surface forms.</summary>
internal sealed class MentionGroup(int index, ExtractedEntity first)
{
    readonly HashSet<(string Text, string? English)> forms = [];

    public int Index { get; } = index;
    public ExtractedEntity First { get; } = first;
    public int Count { get; private set; }
    public List<int> Offsets { get; } = [];

    /// <summary>First English name of any mention (null or empty kept only if none has one).</summary>
    public string? English { get; private set; }

    /// <summary>First non-blank English name.</summary>
    public string? EnglishName { get; private set; }

    /// <summary>First mention text written in Arabic script.</summary>
    public string? ArabicText { get; private set; }

    public IEnumerable<(string Text, string? English)> Forms => forms;

    public void Add(ExtractedEntity e, int maxMentionOffsets)
    {
        Count++;
        if (Offsets.Count < maxMentionOffsets)
        {
            Offsets.Add(e.Offset);
        }

        English ??= e.English;
        if (EnglishName is null && !string.IsNullOrWhiteSpace(e.English))
        {
            EnglishName = e.English;
        }

        if (ArabicText is null && e.Text.Any(ReleaseRows.IsArabic))
        {
            ArabicText = e.Text;
        }

        // Distinct forms are few (a name and its inflections); tokenizing each once keeps Names linear.
        forms.Add((e.Text, e.English));
    }
}
