using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>The headline-case training copies: which sentences, what changes, what does not.</summary>
public sealed class HeadlineCopiesTests
{
    static ConllSentence Sentence(int i) => new([$"Visit{i}", "to", "Nairobi"], ["O", "O", "B-LOC"], "doc:a");

    [Fact]
    public void Every_nth_sentence_is_copied_in_capitals_with_its_tags_as_its_own_document()
    {
        var sentences = Enumerable.Range(0, 11).Select(Sentence).ToList();

        var copies = HeadlineCopies.Of(sentences, 5).ToList();

        Assert.Equal(2, copies.Count);
        Assert.Equal(["VISIT4", "TO", "NAIROBI"], copies[0].Tokens);
        Assert.Equal(["VISIT9", "TO", "NAIROBI"], copies[1].Tokens);
        Assert.All(copies, c => Assert.Equal(["O", "O", "B-LOC"], c.Tags));
        Assert.Equal(2, copies.Select(c => c.Document).Where(d => d != "doc:a").Distinct().Count());
    }

    [Fact]
    public void Zero_means_no_copies()
    {
        Assert.Empty(HeadlineCopies.Of([Sentence(0), Sentence(1)], 0));
    }
}
