using PressRoom.Pipeline.Entities.Builtin.Lexicon;
using PressRoom.Pipeline.Entities.Builtin.Recognizers;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Pipeline.Entities.Builtin;

/// <summary>
/// The offline entity provider: gazetteers compiled into a token trie plus rules, for Arabic and English.
/// Categories, subcategories and output shape follow Azure AI Language NER so providers are interchangeable.
/// See Entities/Data/README.md for the gazetteers and eval/README.md for how quality is measured.
/// </summary>
public sealed class BuiltinEntityExtractor : IEntityExtractor
{
    public const string ProviderName = "builtin";

    /// <summary>How tagger and rules combine; chosen on the dev sets (docs/entities.md).</summary>
    internal const TaggerCombination DefaultCombination = TaggerCombination.TaggerFirst;

    readonly BuiltinLexicon _lexicon;
    readonly TaggerModels _models;
    readonly TaggerCombination _combination;

    public BuiltinEntityExtractor()
        : this(BuiltinLexicon.Default)
    {
    }

    internal BuiltinEntityExtractor(BuiltinLexicon lexicon, TaggerModels? models = null, TaggerCombination combination = DefaultCombination)
    {
        _lexicon = lexicon;
        _models = models ?? TaggerModels.Default;
        _combination = models == TaggerModels.None ? TaggerCombination.RulesOnly : combination;
    }

    public string Name => ProviderName;

    public Task<EntityResult> ExtractAsync(EntityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entities = Extract(request, cancellationToken);
        return Task.FromResult(new EntityResult(ProviderName, entities, []) { ModelVersion = ModelVersion(request.Language) });
    }

    /// <summary>The extractor with the embedded models combined as <paramref name="combination"/> says (evaluation, the CLI's --combination).</summary>
    public static BuiltinEntityExtractor Create(TaggerCombination combination) =>
        new(BuiltinLexicon.Default, combination == TaggerCombination.RulesOnly ? TaggerModels.None : TaggerModels.Default, combination);

    /// <summary>
    /// An extractor that uses the model file at <paramref name="modelPath"/> for its language instead of the committed
    /// model (<c>pressroom eval --model</c>: scoring a model <c>pressroom train</c> wrote elsewhere, before committing it).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a tagger model.</exception>
    public static BuiltinEntityExtractor FromModelFile(string modelPath, TaggerCombination combination)
    {
        using var file = File.OpenRead(modelPath);
        return new(BuiltinLexicon.Default, TaggerModels.Of(TaggerModelFormat.Read(file)), combination);
    }

    /// <summary>The version of the tagger model used for <paramref name="language"/>, or null when the rules run alone.</summary>
    public string? ModelVersion(string language) => _combination == TaggerCombination.RulesOnly ? null : _models.For(language)?.Version;

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

        // Order matters: dates and numbers claim their tokens first, so names never swallow them; clock times before
        // the numbers and ordinals they are written with.
        ClockTimeRecognizer.Run(ctx);
        TemporalRecognizer.Run(ctx);
        QuantityRecognizer.Run(ctx);
        GazetteerRecognizer.Run(ctx);
        EnglishNameRecognizer.Run(ctx);
        ArabicChainRecognizer.Run(ctx);
        cancellationToken.ThrowIfCancellationRequested();
        var registry = new PersonRegistry();
        PersonRecognizer.Run(ctx, registry);
        MentionLinker.Run(ctx, registry);
        if (_combination != TaggerCombination.RulesOnly && _models.For(request.Language) is { } model)
        {
            TaggerRecognizer.Run(ctx, new EntityTagger(model).Tag(ctx, cancellationToken), _combination);
        }

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
