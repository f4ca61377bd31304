using PressRoom.Web;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Tests.Storage;

public sealed class BlobNameRulesTests
{
    [Theory]
    [InlineData("release.txt")]
    [InlineData("بيان صحفي.docx")]
    [InlineData("2026/05/name # with ? and % and spaces.pdf")]
    [InlineData("emoji 📰 news.txt")]
    [InlineData("a..b.txt")]
    [InlineData(".hidden")]
    public void Names_azure_accepts_as_themselves_are_valid(string name) =>
        Assert.True(BlobNameRules.Check(name).IsValid, BlobNameRules.Check(name).Problem);

    [Theory]
    [InlineData("nonchar\uFFFE.txt", "noncharacter")]
    [InlineData("nonchar\uFDD0.txt", "noncharacter")]
    [InlineData("esc\u001B.txt", "control character")]
    [InlineData("line\r\nbreak.txt", "control character")]
    [InlineData("invoice\u202Etxt.exe", "bidirectional control")]
    [InlineData("mark\u200F.txt", "bidirectional control")]
    [InlineData("zero\u200Bwidth.txt", "zero-width")]
    [InlineData("bom\uFEFF.txt", "zero-width")]
    [InlineData("a/../b.txt", "'..'")]
    [InlineData("./a.txt", "'.'")]
    [InlineData("a//b.txt", "empty")]
    [InlineData("/rooted.txt", "empty")]
    [InlineData("folder/", "ends with")]
    [InlineData("report.", "ends with")]
    [InlineData("dots./b.txt", "ending in a dot")]
    [InlineData("back\\slash.txt", "backslash")]
    [InlineData("", "empty")]
    public void Names_that_break_tools_or_get_rewritten_are_refused_with_a_reason(string name, string reason)
    {
        var check = BlobNameRules.Check(name);

        Assert.False(check.IsValid);
        Assert.Contains(reason, check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        // Built here: test data serialisation would replace a lone surrogate with U+FFFD.
        var name = "half" + (char)0xD800 + ".txt";

        Assert.Contains("unpaired", BlobNameRules.Check(name).Problem, StringComparison.Ordinal);
        Assert.Contains("unpaired", BlobNameRules.Check("low" + (char)0xDC00).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_and_depth_follow_azure()
    {
        Assert.True(BlobNameRules.IsValid(new string('n', 1024)));
        Assert.False(BlobNameRules.IsValid(new string('n', 1025)));
        Assert.True(BlobNameRules.IsValid(string.Join('/', Enumerable.Repeat("d", 254))));
        Assert.False(BlobNameRules.IsValid(string.Join('/', Enumerable.Repeat("d", 255))));
    }

    [Theory]
    [InlineData("nonchar\uFFFE.txt")]
    [InlineData("x\u202E.txt")]
    [InlineData("report.")]
    public void The_http_upload_uses_the_same_rule(string fileName) => Assert.Null(ReleasesApi.BlobNameFor(fileName));

    [Fact]
    public void Printable_names_show_refused_characters_as_code_points()
    {
        Assert.Equal("a<U+001B>b<U+202E>.txt", BlobNameRules.Printable("a\u001Bb\u202E.txt"));
        Assert.Equal("بيان 📰.txt", BlobNameRules.Printable("بيان 📰.txt"));
    }
}
