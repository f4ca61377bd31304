namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// The tagger models per language, each loaded on first use, once per process (Lazy, thread-safe) from the
/// assembly's embedded resources (Entities/Tagging/Models/ner-{language}.bin). A language without a model gets
/// null and the extractor runs its rules alone.
/// </summary>
internal sealed class TaggerModels
{
    public const string ResourcePrefix = "PressRoom.Entities.Models.ner-";

    static readonly Lazy<TaggerModels> Shared = new(() => new TaggerModels(FromResources), LazyThreadSafetyMode.ExecutionAndPublication);

    readonly Dictionary<string, Lazy<TaggerModel?>> _models;

    public TaggerModels(Func<string, TaggerModel?> load)
    {
        _models = new Dictionary<string, Lazy<TaggerModel?>>(StringComparer.Ordinal)
        {
            ["ar"] = new(() => load("ar"), LazyThreadSafetyMode.ExecutionAndPublication),
            ["en"] = new(() => load("en"), LazyThreadSafetyMode.ExecutionAndPublication),
        };
    }

    /// <summary>The models compiled into the assembly.</summary>
    public static TaggerModels Default => Shared.Value;

    /// <summary>No models: the rules-only extractor (the "before" of docs/entities.md).</summary>
    public static TaggerModels None { get; } = new(_ => null);

    /// <summary>Fixed models (training, tests).</summary>
    public static TaggerModels Of(params TaggerModel[] models) => new(language => models.FirstOrDefault(m => m.Language == language));

    /// <summary>The model for an ISO 639-1 code ("ar", "en", "ar-SA"), or null.</summary>
    public TaggerModel? For(string? language)
    {
        if (string.IsNullOrEmpty(language) || language.Length < 2)
        {
            return null;
        }

        var code = language[..2].ToLowerInvariant();
        return _models.TryGetValue(code, out var model) ? model.Value : null;
    }

    public bool IsLoaded(string language) => _models.TryGetValue(language, out var model) && model.IsValueCreated;

    static TaggerModel? FromResources(string language)
    {
        using var stream = typeof(TaggerModels).Assembly.GetManifestResourceStream(ResourcePrefix + language + ".bin");
        return stream is null ? null : TaggerModelFormat.Read(stream);
    }
}
