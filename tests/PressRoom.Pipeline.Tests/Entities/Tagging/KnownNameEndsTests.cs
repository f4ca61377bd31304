using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>A well-known person's listed full name is complete: one word the tagger ran on past it is dropped.</summary>
public sealed class KnownNameEndsTests
{
    static (DocumentContext Ctx, int Start) Context(string text, string first)
    {
        var ctx = new DocumentContext(text, "ar", null, BuiltinLexicon.Default);
        return (ctx, ctx.Tokens.FindIndex(t => t.Folded == first));
    }

    [Fact]
    public void A_word_run_on_past_a_listed_full_name_is_dropped()
    {
        var (ctx, start) = Context("وقدم الفنان عزت أبو عوف برنامجا جديدا على القناة .", "عزت");
        var spans = KnownNameEnds.Trim(ctx, [new TaggedSpan("PER", start, start + 4)]);
        Assert.Equal([new TaggedSpan("PER", start, start + 3)], spans);
    }

    [Fact]
    public void A_name_after_the_listed_name_stays()
    {
        // A given name after it may be a further name of the person or of the next one: the tagger decides.
        var (ctx, start) = Context("وحضر الفنان عزت أبو عوف محمد الحفل .", "عزت");
        var spans = KnownNameEnds.Trim(ctx, [new TaggedSpan("PER", start, start + 4)]);
        Assert.Equal([new TaggedSpan("PER", start, start + 4)], spans);
    }
}
