using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;

namespace PressRoom.Pipeline.Entities.Builtin;

/// <summary>
/// The offline entity provider: gazetteers compiled into a token trie plus rules, for Arabic and English.
/// Categories, subcategories and output shape follow Azure AI Language NER so providers are interchangeable.
/// See Entities/Data/README.md for the gazetteers and eval/README.md for how quality is measured.
/// </summary>
public sealed class BuiltinEntityExtractor : IEntityExtractor
{
    public const string ProviderName = "builtin";

    readonly BuiltinLexicon _lexicon;

    public BuiltinEntityExtractor()
        : this(BuiltinLexicon.Default)
    {
    }

    internal BuiltinEntityExtractor(BuiltinLexicon lexicon)
    {
        _lexicon = lexicon;
    }

    public string Name => ProviderName;

    public Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(new EntityResult(ProviderName, Extract(request, cancellationToken), []));
    }

    /// <summary>Synchronous core (CPU-bound, no I/O); the stages run in a fixed order over one token stream.</summary>
    public IReadOnlyList<ExtractedEntity> Extract(EntityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Text))
        {
            return [];
        }

        var ctx = new DocumentContext(request.Text, request.Language, request.ReferenceDate, _lexicon);
        cancellationToken.ThrowIfCancellationRequested();

        // Order matters: dates and numbers claim their tokens first, so names never swallow them.
        TemporalRecognizer.Run(ctx);
        QuantityRecognizer.Run(ctx);
        GazetteerRecognizer.Run(ctx);
        EnglishNameRecognizer.Run(ctx);
        ArabicChainRecognizer.Run(ctx);
        cancellationToken.ThrowIfCancellationRequested();
        var registry = new PersonRegistry();
        PersonRecognizer.Run(ctx, registry);
        MentionLinker.Run(ctx, registry);

        var resolved = OverlapResolver.Resolve(ctx.Candidates, request.Text.Length);
        var entities = new List<ExtractedEntity>(resolved.Count);
        foreach (var c in resolved)
        {
            entities.Add(new ExtractedEntity
            {
                Category = c.Category,
                Subcategory = c.Subcategory,
                Text = request.Text[c.Start..c.End],
                Offset = c.Start,
                Length = c.End - c.Start,
                Confidence = c.Confidence,
                English = c.English,
                Value = c.Value,
                Key = c.Key,
                Provider = ProviderName,
                Attributes = c.Attributes,
            });
        }

        return entities;
    }
}
