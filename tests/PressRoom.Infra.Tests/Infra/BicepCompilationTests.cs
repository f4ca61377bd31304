using System.Text.Json;
using System.Text.RegularExpressions;

namespace PressRoom.Tests.Infra;

/// <summary>Every template compiles and lints clean offline, with plain resource declarations only.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class BicepCompilationTests(BicepTemplatesFixture templates)
{
    [Fact]
    public void The_infra_folder_holds_both_deployment_stages()
    {
        var names = templates.TemplateFiles.Select(Path.GetFileName).ToList();

        Assert.Contains("main.bicep", names);
        Assert.Contains("eventgrid.bicep", names);
    }

    [Fact]
    public void Bicep_build_compiles_every_template_with_no_error_or_warning()
    {
        Assert.True(templates.Build.ExitCode == 0, templates.Build.Transcript);
        Assert.True(templates.Build.Diagnostics.Count == 0,
            "bicep build reported:\n" + string.Join('\n', templates.Build.Diagnostics));
        Assert.Equal(
            templates.TemplateFiles.Select(Path.GetFileName).Order(StringComparer.Ordinal),
            templates.CompiledFiles.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bicep_lint_reports_nothing_for_any_template()
    {
        Assert.True(templates.Lint.ExitCode == 0, templates.Lint.Transcript);
        Assert.True(templates.Lint.Diagnostics.Count == 0,
            "bicep lint reported:\n" + string.Join('\n', templates.Lint.Diagnostics));
        Assert.True(string.IsNullOrWhiteSpace(templates.Lint.StandardError), templates.Lint.Transcript);
    }

    [Fact]
    public void The_diagnostic_parser_recognises_bicep_output()
    {
        // Guards the two tests above: an unrecognised line format would make "no diagnostics" vacuous.
        var run = new BicepRun("lint x.bicep", 0, string.Empty,
            "/r/infra/x.bicep(3,7) : Warning no-unused-params: Parameter \"p\" is declared but never used. [https://aka.ms/x]\n"
            + "/r/infra/x.bicep(9,1) : Error BCP018: Expected the \"}\" character at this location.");

        Assert.Collection(run.Diagnostics,
            d => Assert.Equal(("x.bicep", 3, "Warning", "no-unused-params"), (d.File, d.Line, d.Level, d.Code)),
            d => Assert.Equal(("x.bicep", 9, "Error", "BCP018"), (d.File, d.Line, d.Level, d.Code)));
    }

    [Fact]
    public void Templates_use_no_registry_modules()
    {
        foreach (var file in templates.TemplateFiles)
        {
            var text = File.ReadAllText(file);
            Assert.False(RegistryModule().IsMatch(text), $"{Path.GetFileName(file)} uses a registry module (br:/ts:), which CI cannot restore.");
        }
    }

    [Fact]
    public void Every_linter_suppression_says_why()
    {
        foreach (var file in templates.TemplateFiles)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("#disable-", StringComparison.Ordinal))
                {
                    Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith("//", StringComparison.Ordinal),
                        $"{Path.GetFileName(file)}:{i + 1}: a linter suppression needs a '//' comment above it saying why.");
                }
            }
        }
    }

    [Fact]
    public void The_linter_configuration_switches_no_rule_off()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepTemplatesFixture.InfraDirectory, "bicepconfig.json")));
        var rules = config.RootElement.At("analyzers.core.rules").EnumerateObject().ToList();

        Assert.NotEmpty(rules);
        Assert.True(config.RootElement.At("analyzers.core.enabled").GetBoolean());
        Assert.All(rules, rule => Assert.NotEqual("off", rule.Value.GetProperty("level").GetString()));
        // The secret-handling rules fail the build outright.
        foreach (var rule in new[] { "outputs-should-not-contain-secrets", "secure-secrets-in-params", "use-secure-value-for-secure-inputs" })
        {
            Assert.Equal("error", config.RootElement.At($"analyzers.core.rules.{rule}.level").GetString());
        }
    }

    [GeneratedRegex(@"^\s*(module|import|extension)\s+.*'(br|ts)[:/]", RegexOptions.Multiline)]
    private static partial Regex RegistryModule();
}
