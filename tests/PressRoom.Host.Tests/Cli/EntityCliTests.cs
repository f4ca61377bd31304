using PressRoom.Tests.Documents.Fixtures;
using System.Text.Json;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Language;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Entities;

public sealed class EntityCliTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("pressroom-entities-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static EntityCommand Command() => new(TestReaders.Create(), new BuiltinEntityExtractor(), new ScriptLanguageDetector());

    [Fact]
    public async Task Entities_json_has_exactly_the_contract_shape()
    {
        var file = Path.Combine(_folder, "release.txt");
        await File.WriteAllTextAsync(file, "الدوحة – 29 مارس 2024\n\nأعلن السيد خالد بن ناصر الهاجري اليوم عن منحة بقيمة 15 مليون دولار.");
        using var stdout = new StringWriter();

        var exit = await Command().RunAsync(file, stdout, CancellationToken.None);

        Assert.Equal(0, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(Assert.Single(lines));
        var root = json.RootElement;
        Assert.Equal(["language", "provider", "entities"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ar", root.GetProperty("language").GetString());
        Assert.Equal("builtin", root.GetProperty("provider").GetString());
        var entities = root.GetProperty("entities").EnumerateArray().ToList();
        Assert.NotEmpty(entities);
        foreach (var e in entities)
        {
            Assert.Equal(["category", "subcategory", "text", "offset", "length", "confidence", "english", "value", "key"], e.EnumerateObject().Select(p => p.Name));
        }

        var money = entities.Single(e => e.GetProperty("category").GetString() == "Quantity");
        Assert.Equal("15000000 USD", money.GetProperty("value").GetString());
        var person = entities.Single(e => e.GetProperty("category").GetString() == "Person");
        Assert.Equal("خالد بن ناصر الهاجري", person.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("subcategory").ValueKind);
        var today = entities.Single(e => e.GetProperty("text").GetString() == "اليوم");
        Assert.Equal("2024-03-29", today.GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_unreadable_file_prints_the_error_shape_and_exits_2()
    {
        var empty = Path.Combine(_folder, "empty.txt");
        await File.WriteAllBytesAsync(empty, []);
        using var stdout = new StringWriter();

        Assert.Equal(2, await Command().RunAsync(empty, stdout, CancellationToken.None));
        using var json = JsonDocument.Parse(stdout.ToString());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(nameof(RejectionReason.Empty), error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));

        using var missing = new StringWriter();
        Assert.Equal(2, await Command().RunAsync(Path.Combine(_folder, "nope.txt"), missing, CancellationToken.None));
        Assert.Contains("\"code\":\"NotFound\"", missing.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_prints_per_category_scores_and_the_micro_average()
    {
        using var stdout = new StringWriter();
        var exit = await new EvalCommand(TestReaders.Create(), new BuiltinEntityExtractor()).RunAsync(Path.Combine(RepoPaths.Root, "eval", "gold"), stdout, CancellationToken.None);

        Assert.Equal(0, exit);
        var output = stdout.ToString();
        foreach (var label in new[] { "[all] 12 documents", "[ar] 8 documents", "[en] 4 documents", "Person", "Organization", "Location", "DateTime", "Quantity", "Micro" })
        {
            Assert.Contains(label, output, StringComparison.Ordinal);
        }

        using var none = new StringWriter();
        Assert.Equal(2, await new EvalCommand(TestReaders.Create(), new BuiltinEntityExtractor()).RunAsync(_folder, none, CancellationToken.None));
    }

    [Fact]
    public async Task The_extractor_is_an_IEntityExtractor_with_the_builtin_name()
    {
        IEntityExtractor extractor = new BuiltinEntityExtractor();
        var result = await extractor.ExtractAsync(new EntityRequest("زار الوفد قطر.", "ar"), CancellationToken.None);
        Assert.Equal("builtin", result.Provider);
        Assert.Equal("location:qatar", Assert.Single(result.Entities).Key);
    }
}
