using System.Xml.Linq;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Infra;

/// <summary>The Function App: Flex Consumption, Linux, dotnet-isolated on the projects' .NET, HTTPS only, identity everywhere.</summary>
[Collection(InfraCollection.Name)]
public sealed class FunctionAppTemplateTests(BicepTemplatesFixture templates)
{
    ArmResource FunctionApp => templates.Main.Single("Microsoft.Web/sites");

    ArmResource Identity => templates.Main.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

    [Fact]
    public void The_plan_is_Flex_Consumption_on_Linux()
    {
        var plan = templates.Main.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.String("sku.name"));
        Assert.Equal("FlexConsumption", plan.String("sku.tier"));
        Assert.True(plan.At("properties.reserved").GetBoolean()); // reserved = Linux
        Assert.Equal("functionapp,linux", FunctionApp.String("kind"));
        Assert.Equal($"[{plan.ResourceIdExpression}]", FunctionApp.String("properties.serverFarmId"));
    }

    [Fact]
    public void The_runtime_is_dotnet_isolated_on_the_version_the_projects_target()
    {
        var targetFramework = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props"))
            .Descendants("TargetFramework").Single().Value; // e.g. net10.0
        var dotnetVersion = templates.Main.Parameter("dotnetVersion").GetProperty("defaultValue").GetString();

        Assert.Equal("dotnet-isolated", FunctionApp.String("properties.functionAppConfig.runtime.name"));
        Assert.Equal("[parameters('dotnetVersion')]", FunctionApp.String("properties.functionAppConfig.runtime.version"));
        Assert.Equal(targetFramework, "net" + dotnetVersion);
    }

    [Fact]
    public void Scale_limits_are_parameters()
    {
        Assert.Equal("[parameters('maximumInstanceCount')]", FunctionApp.String("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
        Assert.Equal("[parameters('instanceMemoryMB')]", FunctionApp.String("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
        Assert.Equal([512, 2048, 4096],
            templates.Main.Parameter("instanceMemoryMB").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public void Scale_defaults_are_the_ones_sized_for_10000_releases_an_hour()
    {
        // docs/benchmarks.md, "Scale-out in Azure": about 3 busy instances at 10,000 releases/hour, 40 for bursts;
        // 2048 MB per instance for the largest documents.
        Assert.Equal(40, templates.Main.Parameter("maximumInstanceCount").GetProperty("defaultValue").GetInt32());
        Assert.Equal(2048, templates.Main.Parameter("instanceMemoryMB").GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void The_deployment_package_container_is_reached_with_the_identity()
    {
        var storage = templates.Main.Single("Microsoft.Storage/storageAccounts");
        var deployment = FunctionApp.At("properties.functionAppConfig.deployment.storage");

        Assert.Equal("blobContainer", deployment.At("type").GetString());
        Assert.Equal(
            $"[format('{{0}}{{1}}', reference({storage.ResourceIdExpression}, '2024-01-01').primaryEndpoints.blob, variables('deploymentContainerName'))]",
            deployment.At("value").GetString());
        Assert.Equal("UserAssignedIdentity", deployment.At("authentication.type").GetString());
        Assert.Equal($"[{Identity.ResourceIdExpression}]", deployment.At("authentication.userAssignedIdentityResourceId").GetString());
    }

    [Fact]
    public void The_app_runs_as_the_user_assigned_identity_only()
    {
        Assert.Equal("UserAssigned", FunctionApp.String("identity.type"));
        var identities = FunctionApp.At("identity.userAssignedIdentities").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal([$"[format('{{0}}', {Identity.ResourceIdExpression})]"], identities);
    }

    [Fact]
    public void The_app_is_HTTPS_only_with_TLS_1_2_and_no_FTP()
    {
        Assert.True(FunctionApp.At("properties.httpsOnly").GetBoolean());
        Assert.Equal("1.2", FunctionApp.String("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", FunctionApp.String("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", FunctionApp.String("properties.siteConfig.ftpsState"));
    }

    [Fact]
    public void Publishing_with_basic_credentials_is_off()
    {
        var policies = templates.Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(2, policies.Count);
        Assert.Contains(policies, p => p.Name.EndsWith("'ftp')]", StringComparison.Ordinal));
        Assert.Contains(policies, p => p.Name.EndsWith("'scm')]", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False(p.At("properties.allow").GetBoolean()));
    }

    [Fact]
    public void The_app_starts_only_after_its_storage_and_telemetry_roles_exist()
    {
        var dependsOn = FunctionApp.At("dependsOn").EnumerateArray().Select(d => d.GetString()!).ToList();
        var storageRoles = templates.Main.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.Element.TryAt("scope", out var scope) && scope.GetString()!.Contains("'Microsoft.Storage/storageAccounts'", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(3, storageRoles.Count);
        // Bicep writes a dependency on an extension resource as its extensionResourceId; the role's guid name identifies it.
        Assert.All(storageRoles, role => Assert.Contains(dependsOn, d => d.Contains(ArmExpression.Inner(role.Name), StringComparison.Ordinal)));
    }

    [Fact]
    public void The_app_is_tagged_as_the_azd_api_service()
    {
        Assert.Contains("createObject('azd-service-name', 'api')", FunctionApp.String("tags"), StringComparison.Ordinal);
    }

    [Fact]
    public void Network_access_is_public_by_default_and_restricted_to_listed_clients_plus_Event_Grid_on_request()
    {
        var access = templates.Main.Parameter("networkAccess");
        Assert.Equal("public", access.GetProperty("defaultValue").GetString());
        Assert.Equal(["public", "restricted"], access.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, templates.Main.Parameter("allowedClientIpRanges").GetProperty("defaultValue").GetArrayLength());

        Assert.Equal("[if(equals(parameters('networkAccess'), 'restricted'), 'Deny', 'Allow')]", FunctionApp.String("properties.siteConfig.ipSecurityRestrictionsDefaultAction"));
        Assert.Equal("[if(equals(parameters('networkAccess'), 'restricted'), variables('restrictedInbound'), createArray())]", FunctionApp.String("properties.siteConfig.ipSecurityRestrictions"));
        Assert.True(FunctionApp.At("properties.siteConfig.scmIpSecurityRestrictionsUseMain").GetBoolean());

        // Event Grid must still reach the blob webhook; every listed client range gets its own allow rule.
        var inbound = templates.Main.Variable("restrictedInbound").GetString()!;
        Assert.Contains("'tag', 'ServiceTag', 'ipAddress', 'AzureEventGrid'", inbound, StringComparison.Ordinal);
        Assert.Contains("range(0, length(parameters('allowedClientIpRanges')))", inbound, StringComparison.Ordinal);
        Assert.Contains("parameters('allowedClientIpRanges')[lambdaVariables('i')]", inbound, StringComparison.Ordinal);
    }
}
