using System.Text.Json;
using System.Text.RegularExpressions;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Infra;

/// <summary>azd wiring: azure.yaml, infra/main.parameters.json and the stage-2 hook agree with the templates.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class DeploymentFilesTests(BicepTemplatesFixture templates)
{
    static string AzureYaml => File.ReadAllText(Path.Combine(RepoPaths.Root, "azure.yaml"));

    static string HookScript => File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "scripts", "deploy-eventgrid.sh"));

    [Fact]
    public void Azd_parameters_name_only_parameters_of_main_and_give_every_required_one()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.parameters.json")));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var declared = templates.Main.ParameterNames.ToHashSet(StringComparer.Ordinal);
        var required = declared.Where(name => !templates.Main.Parameter(name).TryGetProperty("defaultValue", out _));

        Assert.Empty(given.Except(declared));
        Assert.Empty(required.Except(given));
        Assert.Equal("${AZURE_ENV_NAME}", file.RootElement.At("parameters.environmentName.value").GetString());
    }

    [Fact]
    public void Azd_parameter_values_fit_the_allowed_values()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.parameters.json")));
        foreach (var given in file.RootElement.GetProperty("parameters").EnumerateObject())
        {
            var value = given.Value.GetProperty("value");
            if (!templates.Main.Parameter(given.Name).TryGetProperty("allowedValues", out var allowed))
            {
                continue;
            }

            // "${VAR=default}": azd uses the default when the variable is unset; that default must be allowed.
            var literal = value.ValueKind == JsonValueKind.String && AzdDefault().Match(value.GetString()!) is { Success: true } m
                ? m.Groups["default"].Value
                : value.ToString();
            Assert.Contains(literal, allowed.EnumerateArray().Select(a => a.ToString()));
        }
    }

    [Fact]
    public void Azure_yaml_deploys_the_Functions_project_as_the_api_service()
    {
        var yaml = AzureYaml;

        Assert.Matches(@"(?m)^services:\s*\n  api:\s*\n    project: \./functions/PressRoom\.Functions\s*\n    language: dotnet\s*\n    host: function\s*$", yaml);
        Assert.Matches(@"(?m)^infra:\s*\n  provider: bicep\s*\n  path: infra\s*\n  module: main\s*$", yaml);
    }

    [Fact]
    public void The_api_service_is_the_Functions_project_and_ships_the_root_host_json()
    {
        var project = Path.Combine(RepoPaths.Root, "functions", "PressRoom.Functions", "PressRoom.Functions.csproj");

        Assert.True(File.Exists(project), "azure.yaml deploys functions/PressRoom.Functions, which must exist.");
        Assert.Contains("Include=\"..\\..\\host.json\"", File.ReadAllText(project), StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_2_targets_a_blob_trigger_of_the_app_that_listens_to_Event_Grid()
    {
        var function = templates.EventGrid.Parameter("ingestFunctionName").GetProperty("defaultValue").GetString()!;
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "PressRoom.Functions", function + ".cs"));

        Assert.Contains($"[Function(nameof({function}))]", source, StringComparison.Ordinal);
        Assert.Contains("Source = BlobTriggerSource.EventGrid", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_postdeploy_hook_runs_stage_2_with_every_parameter_it_needs()
    {
        Assert.Contains("run: ./infra/scripts/deploy-eventgrid.sh", AzureYaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/scripts/deploy-eventgrid.ps1", AzureYaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "infra", "scripts", "deploy-eventgrid.ps1")));

        var script = HookScript;
        Assert.Contains("--template-file \"$here/eventgrid.bicep\"", script, StringComparison.Ordinal);
        var required = templates.EventGrid.ParameterNames.Where(n => !templates.EventGrid.Parameter(n).TryGetProperty("defaultValue", out _));
        Assert.All(required, name => Assert.Contains($" {name}=\"$", script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_hook_reads_only_variables_that_stage_1_outputs()
    {
        var used = EnvironmentVariable().Matches(HookScript).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(templates.Main.OutputNames));
    }

    [Fact]
    public void The_hook_never_prints_the_webhook_key()
    {
        // It only asks whether the key exists; the key itself is read by listKeys inside the deployment.
        Assert.Contains("--query \"systemKeys.blobs_extension != null\"", HookScript, StringComparison.Ordinal);
        Assert.DoesNotContain("--query systemKeys.blobs_extension ", HookScript, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\$\{[A-Z0-9_]+=(?<default>[^}]*)\}$")]
    private static partial Regex AzdDefault();

    [GeneratedRegex(@"\$\{?(?<name>AZURE_[A-Z0-9_]+)")]
    private static partial Regex EnvironmentVariable();
}
