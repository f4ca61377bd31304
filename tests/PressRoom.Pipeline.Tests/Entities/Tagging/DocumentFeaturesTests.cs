using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>The document pass sees the first pass's types of the OTHER occurrences of a stem, never only its own.</summary>
public sealed class DocumentFeaturesTests
{
    static readonly TagSet Tags = new(TagSet.Default);

    static HashSet<uint> KeysOf(DocumentFeatures features, int i, ulong[] stems, int[] tags)
    {
        var buffer = new FeatureBuffer();
        buffer.Clear();
        features.Add(i, stems, tags, buffer);
        buffer.EndToken();
        return [.. buffer.Token(0).ToArray()];
    }

    [Fact]
    public void A_recurrence_learns_the_type_another_occurrence_was_tagged_with()
    {
        // stems: طالباني (7) tagged B-PER at 0, untagged at 2; another word (9) at 1.
        ulong[] stems = [7, 9, 7];
        int[] tags = [Tags.IndexOf("B-PER"), Tags.Outside, Tags.Outside];
        var features = new DocumentFeatures();
        features.Index(stems, tags, Tags);

        var recurrence = KeysOf(features, 2, stems, tags);

        // The same token where no occurrence was named: the recurrence's extra keys are the PER evidence.
        int[] none = [Tags.Outside, Tags.Outside, Tags.Outside];
        features.Index(stems, none, Tags);
        var unnamed = KeysOf(features, 2, stems, none);
        Assert.NotEmpty(recurrence.Except(unnamed));

        // The named occurrence itself gets no PER evidence from its own tag: its stem's other occurrence was not named.
        features.Index(stems, tags, Tags);
        var named = KeysOf(features, 0, stems, tags);
        Assert.Empty(recurrence.Except(unnamed).Intersect(named));
    }

    [Fact]
    public void A_word_seen_once_gets_only_its_own_and_neighbour_tags()
    {
        ulong[] stems = [7, 9, 0];
        int[] tags = [Tags.IndexOf("B-LOC"), Tags.Outside, Tags.Outside];
        var features = new DocumentFeatures();
        features.Index(stems, tags, Tags);
        Assert.Equal(3, KeysOf(features, 1, stems, tags).Count);
        Assert.Equal(3, KeysOf(features, 2, stems, tags).Count);
    }
}
