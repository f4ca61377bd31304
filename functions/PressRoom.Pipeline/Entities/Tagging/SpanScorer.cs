using System.Globalization;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>An entity span of one type over [Start, End) (token indexes or character offsets, whichever the caller uses).</summary>
public readonly record struct TypedSpan(string Type, int Start, int End);

/// <summary>Precision, recall and F1 of one type (or the micro average, Type "micro").</summary>
public sealed record SpanScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Type,-6} P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}  (gold {Gold}, predicted {Predicted}, correct {Correct})");
}

/// <summary>Per-type and micro scores of a whole evaluation.</summary>
public sealed record SpanReport(IReadOnlyList<SpanScore> PerType, SpanScore Micro)
{
    public SpanScore this[string type] => PerType.FirstOrDefault(s => s.Type == type) ?? new SpanScore(type, 0, 0, 0);
}

/// <summary>
/// CoNLL strict scoring: a predicted span counts only when its type, start and end all equal a gold span's.
/// Accumulates over many documents; spans are compared as sets (a duplicate prediction counts once).
/// </summary>
public sealed class SpanScorer(IReadOnlyList<string> types)
{
    readonly Dictionary<string, int[]> _counts = types.ToDictionary(t => t, _ => new int[3], StringComparer.Ordinal);

    public void Add(IEnumerable<TypedSpan> gold, IEnumerable<TypedSpan> predicted)
    {
        var goldSet = gold.Where(s => _counts.ContainsKey(s.Type)).ToHashSet();
        var predSet = predicted.Where(s => _counts.ContainsKey(s.Type)).ToHashSet();
        foreach (var g in goldSet)
        {
            _counts[g.Type][0]++;
        }

        foreach (var p in predSet)
        {
            _counts[p.Type][1]++;
            if (goldSet.Contains(p))
            {
                _counts[p.Type][2]++;
            }
        }
    }

    public SpanReport Report()
    {
        var perType = _counts.Select(kv => new SpanScore(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2])).ToList();
        var micro = new SpanScore("micro", perType.Sum(s => s.Gold), perType.Sum(s => s.Predicted), perType.Sum(s => s.Correct));
        return new SpanReport(perType, micro);
    }
}
