using System.Text;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Language;

namespace PressRoom.Pipeline.Translation.AzureTranslator;

/// <summary>
/// Translation provider <c>azure</c>: Azure AI Translator v3.0. Paragraphs are planned into requests within the
/// service limits, the requests run in parallel (capped by the client), and the answers are put back together in
/// order: one translated paragraph per source paragraph, with the word alignment mapped to paragraph offsets.
/// </summary>
public sealed class AzureTranslationProvider(
    TranslatorClient client,
    TranslationPlanner planner,
    TranslatorGlossary glossary,
    ILogger<AzureTranslationProvider> logger) : ITranslationProvider
{
    public const string ProviderName = "azure";

    public string Name => ProviderName;

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var results = await TranslateManyAsync(request.Paragraphs, request.SourceLanguage, [request.TargetLanguage], cancellationToken);
        return results[0];
    }

    /// <summary>Translates into several targets with one set of requests (the limits count every target).</summary>
    public async Task<IReadOnlyList<TranslationResult>> TranslateManyAsync(
        IReadOnlyList<string> paragraphs, string sourceLanguage, IReadOnlyList<string> targetLanguages, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sourceLanguage) || sourceLanguage is "und" or "unknown")
        {
            // Translator must be told the source (dynamic dictionary needs it); guessing would bill for nonsense.
            return [.. targetLanguages.Select(t => TranslationResult.Skipped(ProviderName, t, "Skipped: source language unknown"))];
        }

        var targets = targetLanguages.Where(t => !LanguageTags.SameLanguage(t, sourceLanguage)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var translated = new Dictionary<string, TranslationResult>(StringComparer.OrdinalIgnoreCase);
        if (targets.Count > 0)
        {
            var useGlossary = glossary.AppliesTo(sourceLanguage, targets);
            var plan = planner.Plan(paragraphs, useGlossary ? glossary : TranslatorGlossary.Empty, targets.Count);
            logger.LogInformation(
                "Translating {Paragraphs} paragraphs from {Source} to {Targets}: {Elements} elements in {Requests} requests, {Characters} characters{Glossary}",
                paragraphs.Count, sourceLanguage, string.Join(",", targets), plan.Elements.Count, plan.Requests.Count, plan.CharactersSent,
                useGlossary ? $", glossary of {glossary.Count} terms" : string.Empty);

            var answers = await Task.WhenAll(plan.Requests.Select(range =>
                client.TranslateAsync([.. plan.Elements.Take(range).Select(e => e.Marked.Text)], sourceLanguage, targets, cancellationToken)));
            var perElement = answers.SelectMany(a => a).ToList();

            for (var t = 0; t < targets.Count; t++)
            {
                translated[targets[t]] = Assemble(paragraphs, plan, perElement.Select(e => e[t]).ToList(), targets[t], plan.CharactersSent / targets.Count);
            }
        }

        return [.. targetLanguages.Select(t => translated.TryGetValue(t, out var r)
            ? r
            : TranslationResult.Skipped(ProviderName, t, $"Skipped: the text is already in {t}"))];
    }

    static TranslationResult Assemble(IReadOnlyList<string> paragraphs, TranslationPlan plan, IReadOnlyList<TranslatedText> translations, string target, long characters)
    {
        var builders = paragraphs.Select(p => string.IsNullOrWhiteSpace(p) ? new StringBuilder(p) : new StringBuilder()).ToArray();
        var alignment = new List<AlignmentSpan>();
        for (var i = 0; i < plan.Elements.Count; i++)
        {
            var element = plan.Elements[i];
            var text = translations[i].Text;
            var builder = builders[element.Paragraph];
            if (builder.Length > 0 && text.Length > 0 && !char.IsWhiteSpace(builder[^1]) && !char.IsWhiteSpace(text[0]))
            {
                builder.Append(' ');
            }

            var targetStart = builder.Length;
            builder.Append(text);
            var sourceIndex = TextMeasure.CodePointToUtf16(element.Marked.Text);
            var targetIndex = TextMeasure.CodePointToUtf16(text);
            foreach (var pair in AlignmentProjection.Parse(translations[i].AlignmentProj))
            {
                if (ToSpan(element, sourceIndex, targetIndex, pair, targetStart) is { } span)
                {
                    alignment.Add(span);
                }
            }
        }

        return new TranslationResult
        {
            Provider = ProviderName,
            TargetLanguage = target,
            Status = TranslationStatus.Translated,
            Paragraphs = [.. builders.Select(b => b.ToString())],
            Alignment = alignment,
            CharactersSent = characters,
        };
    }

    /// <summary>Maps one projection pair (inclusive code-point indices into the sent and the translated element) to paragraph offsets, ends exclusive.</summary>
    static AlignmentSpan? ToSpan(TranslationElement element, Func<int, int> sourceIndex, Func<int, int> targetIndex, AlignmentProjection.Pair pair, int targetStart)
    {
        var sourceStart = element.Marked.ToOriginalStart(sourceIndex(pair.SourceStart));
        var sourceEnd = element.Marked.ToOriginalEnd(sourceIndex(pair.SourceEnd + 1));
        var tgtStart = targetIndex(pair.TargetStart);
        var tgtEnd = targetIndex(pair.TargetEnd + 1);
        if (sourceEnd <= sourceStart || tgtEnd <= tgtStart)
        {
            return null;
        }

        return new AlignmentSpan(
            element.Paragraph,
            element.SourceStart + sourceStart,
            element.SourceStart + sourceEnd,
            targetStart + tgtStart,
            targetStart + tgtEnd);
    }
}
