namespace PressRoom.Pipeline.Configuration;

/// <summary><c>Translation:*</c> settings. Exactly these keys; environment variables use <c>__</c>.</summary>
public sealed class TranslationOptions
{
    public const string Section = "Translation";

    /// <summary><c>none</c> (default), <c>azure</c> or <c>chat</c> (see <c>Translation:Chat:*</c>).</summary>
    public string Provider { get; set; } = "none";
    public Uri? Endpoint { get; set; }
    public string? Region { get; set; }

    /// <summary>Absent means managed identity / DefaultAzureCredential. Never logged.</summary>
    public string? Key { get; set; }

    /// <summary>Comma-separated list, default <c>en</c>.</summary>
    public string TargetLanguages { get; set; } = "en";

    public IReadOnlyList<string> TargetLanguageList =>
        TargetLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary><c>Entities:*</c> settings.</summary>
public sealed class EntitiesOptions
{
    public const string Section = "Entities";

    /// <summary><c>builtin</c> (default), <c>azure</c> or <c>both</c>.</summary>
    public string Provider { get; set; } = "builtin";

    /// <summary>
    /// The builtin extractor reads texts longer than this in paragraph-aligned chunks of at most this many characters
    /// (default 50,000), which keeps its time linear in the size of very large releases (docs/benchmarks.md).
    /// </summary>
    public int BuiltinChunkCharacters { get; set; } = Entities.ChunkedEntityExtractor.DefaultMaxChunkCharacters;
}

/// <summary><c>Language:*</c> settings (Azure AI Language).</summary>
public sealed class LanguageServiceOptions
{
    public const string Section = "Language";

    public Uri? Endpoint { get; set; }

    /// <summary>Absent means managed identity / DefaultAzureCredential. Never logged.</summary>
    public string? Key { get; set; }
}
