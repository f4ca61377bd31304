using PressRoom.Pipeline.Documents;
using PressRoom.Tests.Documents.Fixtures;

namespace PressRoom.Tests.Documents;

public sealed class HostileCorpusTests
{
    public static TheoryData<string> RejectedNames => [.. HostileCorpus.Rejected.Select(s => s.Name)];

    public static TheoryData<string> ReadSafelyNames => [.. HostileCorpus.ReadSafely.Select(s => s.Name)];

    [Fact]
    public void Corpus_has_at_least_thirty_bad_inputs_with_unique_names()
    {
        Assert.True(HostileCorpus.Rejected.Count >= 30, $"only {HostileCorpus.Rejected.Count} rejected samples");
        Assert.Equal(HostileCorpus.All.Count, HostileCorpus.All.Select(s => s.Name).Distinct().Count());
        Assert.Contains(HostileCorpus.All, s => s.Name.Length >= 1000);
    }

    [Theory]
    [MemberData(nameof(RejectedNames))]
    public async Task Each_bad_input_is_rejected_with_its_reason_and_a_plain_sentence(string name)
    {
        var sample = HostileCorpus.Get(name);
        var original = sample.Bytes.ToArray();

        var ex = await Assert.ThrowsAsync<DocumentRejectedException>(() => TestReaders.ReadAsync(sample.Bytes, sample.Name));

        Assert.Equal(sample.Expected, ex.Reason);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.DoesNotContain("   at ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", ex.Message, StringComparison.Ordinal);
        Assert.Equal(original, sample.Bytes); // the reader never writes to the original
    }

    [Theory]
    [MemberData(nameof(ReadSafelyNames))]
    public async Task Odd_but_valid_inputs_are_read_safely(string name)
    {
        var sample = HostileCorpus.Get(name);

        var document = await TestReaders.ReadAsync(sample.Bytes, sample.Name);

        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.Equal(string.Join("\n\n", document.Paragraphs.Prepend(document.Title)), document.Text);
        sample.Check?.Invoke(document);
    }
}
