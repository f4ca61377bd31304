using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Tests.Entities.Tagging;

/// <summary>The feature keys an extractor gives a whole text as one segment: tests compare them with and without a resource.</summary>
internal static class FeatureKeys
{
    public static uint[] Of(string text, string language, FeatureExtractor extractor)
    {
        var ctx = new DocumentContext(text, language, null, BuiltinLexicon.Default);
        var buffer = new FeatureBuffer();
        extractor.Extract(ctx, 0, ctx.Count, buffer);
        return buffer.ToKeys();
    }
}
