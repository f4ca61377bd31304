namespace PressRoom.Pipeline.Translation;

/// <summary>The default when no translator is configured: says plainly that nothing was translated.</summary>
public sealed class NoTranslationProvider : ITranslationProvider
{
    public const string ProviderName = "none";

    public string Name => ProviderName;

    public Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(TranslationResult.Skipped(ProviderName, request.TargetLanguage, "Skipped: no translation provider configured"));
}
