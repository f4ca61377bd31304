using Microsoft.Extensions.AI;

namespace PressRoom.Pipeline.Translation.Chat;

/// <summary>The state of one release's chat translation: translations, failures, names and usage, safe for parallel chunks.</summary>
internal sealed class ChatTranslationRun(TranslationRequest request, IReadOnlyList<NameHint> names)
{
    readonly Lock gate = new();
    readonly Dictionary<int, string> translated = [];
    readonly Dictionary<int, ParagraphIssue> issues = [];
    readonly Dictionary<string, TranslatedName> reported = new(StringComparer.Ordinal);
    long characters, promptTokens, completionTokens;
    int requests;

    public TranslationRequest Request => request;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>The fixed names that occur in these paragraphs (keeps each prompt small).</summary>
    public IReadOnlyList<NameHint> NamesIn(IEnumerable<string> paragraphs)
    {
        var text = string.Join('\n', paragraphs);
        return [.. names.Where(n => text.Contains(n.Source, StringComparison.Ordinal))];
    }

    public void Sent(long codePoints)
    {
        Interlocked.Add(ref characters, codePoints);
        Interlocked.Increment(ref requests);
    }

    public void Used(UsageDetails? usage)
    {
        Interlocked.Add(ref promptTokens, usage?.InputTokenCount ?? 0);
        Interlocked.Add(ref completionTokens, usage?.OutputTokenCount ?? 0);
    }

    public void Accept(ChatReply reply)
    {
        lock (gate)
        {
            foreach (var (paragraph, text) in reply.Translated)
            {
                translated[paragraph] = text;
            }

            foreach (var name in reply.Names.Where(n => !names.Any(h => h.Source == n.Source)))
            {
                reported.TryAdd(name.Source, name);
            }
        }
    }

    public void Fail(int paragraph, string reasonCode, string message)
    {
        lock (gate)
        {
            issues[paragraph] = new ParagraphIssue(paragraph, reasonCode, message);
        }
    }

    public TranslationResult Result(string provider)
    {
        lock (gate)
        {
            var paragraphs = request.Paragraphs.Select((p, i) => string.IsNullOrWhiteSpace(p) ? p : translated.GetValueOrDefault(i, string.Empty)).ToList();
            var wanted = request.Paragraphs.Count(p => !string.IsNullOrWhiteSpace(p));
            var failed = issues.Values.OrderBy(i => i.Paragraph).ToList();
            var status = wanted > 0 && failed.Count == wanted ? TranslationStatus.Failed : TranslationStatus.Translated;
            string? reason = failed.Count == 0 ? null
                : $"{(status == TranslationStatus.Failed ? "Failed: " : string.Empty)}{failed.Count} of {wanted} paragraphs not translated ("
                  + string.Join(", ", failed.GroupBy(f => f.ReasonCode).Select(g => $"{g.Key} ×{g.Count()}")) + ")";
            return new TranslationResult
            {
                Provider = provider,
                TargetLanguage = request.TargetLanguage,
                Status = status,
                Reason = reason,
                Paragraphs = paragraphs,
                CharactersSent = Interlocked.Read(ref characters),
                Issues = failed,
                Names = [.. reported.Values],
                PromptTokens = Interlocked.Read(ref promptTokens),
                CompletionTokens = Interlocked.Read(ref completionTokens),
            };
        }
    }
}
