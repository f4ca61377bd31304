namespace PressRoom.Pipeline.Entities.EnglishNames;

/// <summary>One gold name: the Arabic, its official English and its kind (institution, role, event).</summary>
internal sealed record GoldName(string Arabic, string English, string Kind);

/// <summary>One scored gold name: what the composer said and how it got there (null source = romanized).</summary>
internal sealed record ScoredName(GoldName Gold, string Predicted, EnglishNameSource? Source, bool Correct);

/// <summary>Exact-match accuracy of the English names on a gold list, overall and per kind and source.</summary>
internal sealed record NameEvaluationReport(IReadOnlyList<ScoredName> Items)
{
    public int Total => Items.Count;

    public int Correct => Items.Count(i => i.Correct);

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public int Composed => Items.Count(i => i.Source == EnglishNameSource.Composed);

    public int LookedUp => Items.Count(i => i.Source == EnglishNameSource.Official);

    public int Romanized => Items.Count(i => i.Source is null);
}

/// <summary>Scores <see cref="EnglishNameComposer"/> on a gold list (tab-separated: Arabic, English, kind; # comments).</summary>
internal static class NameEvaluation
{
    public static IReadOnlyList<GoldName> Parse(string tsv) =>
        [.. tsv.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t'))
            .Where(c => c.Length >= 2)
            .Select(c => new GoldName(c[0].Trim(), c[1].Trim(), c.Length > 2 ? c[2].Trim() : "name"))];

    public static NameEvaluationReport Evaluate(IEnumerable<GoldName> gold, EnglishNameComposer composer, Func<string, string> romanize)
    {
        var items = new List<ScoredName>();
        foreach (var name in gold)
        {
            var composed = composer.Compose(name.Arabic);
            var predicted = composed?.Text ?? romanize(name.Arabic);
            items.Add(new ScoredName(name, predicted, composed?.Source, NameMatch.Same(predicted, name.English)));
        }

        return new NameEvaluationReport(items);
    }
}
