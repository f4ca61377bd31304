using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Output;

public sealed class OutputUnitTests
{
    [Theory]
    [InlineData("الأنصاري", "الانصاري")]
    [InlineData("عَبْدُ العَزِيز", "عبد العزيز")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("اللجنة الوطنيـــة", "اللجنه الوطنيه")]
    [InlineData("Al-Ansari", "al ansari")]
    [InlineData("José  Müller", "jose muller")]
    public void Names_fold_to_one_search_form(string name, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(name));

    [Fact]
    public void Arabic_tokens_are_indexed_with_and_without_the_article_and_numbers_are_not_names()
    {
        Assert.Equal(["الانصاري", "انصاري"], NameNormalizer.Tokens("الأنصاري"));
        Assert.Equal(["لمكافحه", "مكافحه"], NameNormalizer.Tokens("لمكافحة"));
        Assert.Equal(["للتنميه", "تنميه"], NameNormalizer.Tokens("للتنمية"));
        Assert.Equal(["وليد"], NameNormalizer.Tokens("وليد"));
        Assert.Empty(NameNormalizer.Tokens("2019"));
        Assert.True(NameNormalizer.Matches(["عبد", "انصا"], ["عبد العزيز عبد الله الأنصاري", null]));
        Assert.False(NameNormalizer.Matches(["عبد", "ثاني"], ["عبد العزيز عبد الله الأنصاري", "Abdulaziz Al-Ansari"]));
    }

    [Fact]
    public void Blob_deleted_events_give_the_release_blob_name_in_both_schemas()
    {
        const string eventGrid = """[{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/releases/blobs/2026/%D8%A8%D9%8A%D8%A7%D9%86.txt","data":{}}]""";
        const string cloudEvent = """{"type":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/releases/blobs/a.txt"}""";
        Assert.Equal("2026/بيان.txt", BlobDeletedEvent.TryGetReleaseBlob(eventGrid));
        Assert.Equal("a.txt", BlobDeletedEvent.TryGetReleaseBlob(cloudEvent));
        Assert.Null(BlobDeletedEvent.TryGetReleaseBlob("""{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/releases/blobs/a.txt"}"""));
        Assert.Null(BlobDeletedEvent.TryGetReleaseBlob("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/processed/blobs/a.txt"}"""));
        Assert.Null(BlobDeletedEvent.TryGetReleaseBlob("not json"));
    }

    [Fact]
    public void Entity_offsets_are_placed_in_the_title_or_their_paragraph()
    {
        string[] blocks = ["Title", "First paragraph", "Second"];
        Assert.Equal((true, (int?)null, (int?)2), ReleaseViewBuilder.Locate(blocks, 2));
        Assert.Equal((false, (int?)0, (int?)6), ReleaseViewBuilder.Locate(blocks, "Title\n\n".Length + 6));
        Assert.Equal((false, (int?)1, (int?)0), ReleaseViewBuilder.Locate(blocks, "Title\n\nFirst paragraph\n\n".Length));
        Assert.Equal((false, (int?)null, (int?)null), ReleaseViewBuilder.Locate(blocks, 5));
        Assert.Equal((false, (int?)null, (int?)null), ReleaseViewBuilder.Locate(null, 0));
    }

    [Theory]
    [InlineData("C:\\Users\\comms\\بيان.docx", "بيان.docx")]
    [InlineData("folder/release.txt", "release.txt")]
    [InlineData("..", null)]
    [InlineData("a\u0001b.txt", null)]
    public void Upload_file_names_become_the_last_path_segment(string fileName, string? expected) =>
        Assert.Equal(expected, ReleasesApi.BlobNameFor(fileName));
}
