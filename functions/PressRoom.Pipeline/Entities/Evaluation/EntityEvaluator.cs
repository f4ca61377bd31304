namespace PressRoom.Pipeline.Entities.Evaluation;

/// <summary>Counts for one category: predictions and gold items, and how many of each were matched.</summary>
public sealed record CategoryScore(string Category, int Predicted, int Gold, int MatchedPredicted, int MatchedGold)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)MatchedPredicted / Predicted;
    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)MatchedGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public CategoryScore Add(CategoryScore other) =>
        this with { Predicted = Predicted + other.Predicted, Gold = Gold + other.Gold, MatchedPredicted = MatchedPredicted + other.MatchedPredicted, MatchedGold = MatchedGold + other.MatchedGold };
}

/// <summary>Strict and relaxed scores per category plus the micro average over the headline categories.</summary>
public sealed record EvaluationReport(IReadOnlyList<CategoryScore> Strict, IReadOnlyList<CategoryScore> Relaxed, int Documents)
{
    public CategoryScore StrictMicro => EntityEvaluator.Micro(Strict);

    public CategoryScore RelaxedMicro => EntityEvaluator.Micro(Relaxed);
}

/// <summary>
/// Scores extracted entities against gold annotations. Both sides are reduced to distinct (category, normalized text)
/// pairs. Strict: same normalized text. Relaxed: one text contains the other. Precision counts predictions that match
/// some gold pair; recall counts gold pairs matched by some prediction. Scores add up over documents (micro).
/// </summary>
public static class EntityEvaluator
{
    /// <summary>The categories of the micro average.</summary>
    public static IReadOnlyList<string> MicroCategories { get; } = ["Person", "Organization", "Location", "DateTime", "Quantity"];

    /// <summary>Every category reported.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["Person", "PersonType", "Organization", "Location", "Event", "DateTime", "Quantity"];

    public static EvaluationReport Evaluate(IEnumerable<(GoldDocument Gold, IReadOnlyList<ExtractedEntity> Predicted)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var strict = Categories.ToDictionary(c => c, c => new CategoryScore(c, 0, 0, 0, 0), StringComparer.Ordinal);
        var relaxed = Categories.ToDictionary(c => c, c => new CategoryScore(c, 0, 0, 0, 0), StringComparer.Ordinal);
        var count = 0;
        foreach (var (gold, predicted) in documents)
        {
            count++;
            foreach (var category in Categories)
            {
                var goldSet = gold.Entities.Where(e => e.Category == category).Select(e => EntityTextNormalizer.Normalize(e.Text)).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
                var predSet = predicted.Where(e => e.Category == category).Select(e => EntityTextNormalizer.Normalize(e.Text)).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
                strict[category] = strict[category].Add(Score(category, goldSet, predSet, (a, b) => a == b));
                relaxed[category] = relaxed[category].Add(Score(category, goldSet, predSet, (a, b) => a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)));
            }
        }

        return new EvaluationReport([.. Categories.Select(c => strict[c])], [.. Categories.Select(c => relaxed[c])], count);
    }

    static CategoryScore Score(string category, HashSet<string> gold, HashSet<string> predicted, Func<string, string, bool> match) =>
        new(category, predicted.Count, gold.Count, predicted.Count(p => gold.Any(g => match(p, g))), gold.Count(g => predicted.Any(p => match(p, g))));

    public static CategoryScore Micro(IEnumerable<CategoryScore> scores) =>
        scores.Where(s => MicroCategories.Contains(s.Category)).Aggregate(new CategoryScore("Micro", 0, 0, 0, 0), (a, b) => a.Add(b) with { Category = "Micro" });
}
