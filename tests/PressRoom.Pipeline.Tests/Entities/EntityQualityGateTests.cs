using PressRoom.Tests.Documents.Fixtures;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Entities.Evaluation;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Entities;

/// <summary>
/// Quality gates of the builtin extractor (issue 4): relaxed micro F1 ≥ 0.90 over Person, Organization, Location,
/// DateTime and Quantity on the annotated seed, on the project's gold set (Arabic and English) and on held-out releases
/// that were written before the rules and never used to tune them.
/// </summary>
public sealed class EntityQualityGateTests
{
    const double Target = 0.90;

    static async Task<List<(GoldDocument Gold, IReadOnlyList<ExtractedEntity> Predicted)>> Run(string folder) =>
        await new EvalCommand(TestReaders.Create(), new BuiltinEntityExtractor()).EvaluateAsync(folder, CancellationToken.None);

    [Fact]
    public async Task Seed_release_meets_the_target()
    {
        var results = await Run(Path.GetDirectoryName(RepoPaths.SeedGold)!);
        var report = EntityEvaluator.Evaluate(results);
        Assert.Equal(1, report.Documents);
        Assert.True(report.RelaxedMicro.F1 >= Target, $"Seed relaxed micro F1 {report.RelaxedMicro.F1:0.000}");
    }

    [Theory]
    [InlineData("gold", "ar", 8)]
    [InlineData("gold", "en", 4)]
    [InlineData("heldout", "ar", 3)]
    [InlineData("heldout", "en", 1)]
    public async Task Project_gold_sets_meet_the_target_per_language(string folder, string language, int documents)
    {
        var results = await Run(Path.Combine(RepoPaths.Root, "eval", folder));
        var report = EntityEvaluator.Evaluate(results.Where(r => r.Gold.Language == language));
        Assert.Equal(documents, report.Documents);
        Assert.True(report.RelaxedMicro.F1 >= Target, $"{folder}/{language} relaxed micro F1 {report.RelaxedMicro.F1:0.000}");
    }

    /// <summary>
    /// eval/dev (seventh pass, docs/entities.md): 12 press releases written before the extractor ran on them and then
    /// used for tuning; the floors sit just below the relaxed micro F1 measured after that pass (ar 0.945, en 0.973).
    /// </summary>
    [Theory]
    [InlineData("ar", 0.94)]
    [InlineData("en", 0.96)]
    public async Task Dev_set_stays_above_its_floor_per_language(string language, double floor)
    {
        var results = await Run(Path.Combine(RepoPaths.Root, "eval", "dev"));
        var report = EntityEvaluator.Evaluate(results.Where(r => r.Gold.Language == language));
        Assert.Equal(6, report.Documents);
        Assert.True(report.RelaxedMicro.F1 >= floor, $"dev/{language} relaxed micro F1 {report.RelaxedMicro.F1:0.000} < {floor}");
    }

    [Fact]
    public async Task Gold_set_covers_every_category()
    {
        var results = await Run(Path.Combine(RepoPaths.Root, "eval", "gold"));
        foreach (var category in EntityEvaluator.Categories)
        {
            Assert.Contains(results, r => r.Gold.Entities.Any(e => e.Category == category));
        }
    }
}
