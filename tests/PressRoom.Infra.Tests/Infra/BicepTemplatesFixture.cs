using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Infra;

/// <summary>
/// Builds and lints every template under <c>infra/</c> once for all infra tests (two CLI runs in parallel, a few
/// seconds), and loads the compiled ARM JSON the security tests read.
/// </summary>
public sealed class BicepTemplatesFixture : IAsyncLifetime
{
    string? outputDirectory;
    ArmTemplate? main;
    ArmTemplate? eventGrid;

    public static string InfraDirectory => Path.Combine(RepoPaths.Root, "infra");

    public IReadOnlyList<string> TemplateFiles { get; private set; } = [];
    public BicepRun Build { get; private set; } = null!;
    public BicepRun Lint { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> CompiledFiles { get; private set; } = new Dictionary<string, string>();

    /// <summary>Stage 1: infra/main.bicep compiled.</summary>
    public ArmTemplate Main => main ?? throw new InvalidOperationException("main.bicep did not compile:\n" + Build.Transcript);

    /// <summary>Stage 2: infra/eventgrid.bicep compiled.</summary>
    public ArmTemplate EventGrid => eventGrid ?? throw new InvalidOperationException("eventgrid.bicep did not compile:\n" + Build.Transcript);

    public async Task InitializeAsync()
    {
        TemplateFiles = Directory.GetFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        outputDirectory = Directory.CreateTempSubdirectory("pressroom-bicep-").FullName;

        var cli = BicepCli.Locate();
        // --no-restore: a registry module (br:, ts:) cannot be fetched in CI, so it must fail here too.
        var build = cli.RunAsync(InfraDirectory, ["build", "--pattern", "**/*.bicep", "--outdir", outputDirectory, "--no-restore"], CancellationToken.None);
        var lint = cli.RunAsync(InfraDirectory, ["lint", "--pattern", "**/*.bicep", "--no-restore"], CancellationToken.None);
        Build = await build;
        Lint = await lint;

        CompiledFiles = Directory.GetFiles(outputDirectory, "*.json")
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path) + ".bicep", path => path);
        main = Load("main.bicep");
        eventGrid = Load("eventgrid.bicep");
    }

    public Task DisposeAsync()
    {
        if (outputDirectory is not null && Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    ArmTemplate? Load(string bicepFile) =>
        CompiledFiles.TryGetValue(bicepFile, out var path) ? ArmTemplate.Load(path) : null;
}

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<BicepTemplatesFixture>
{
    public const string Name = "Infra (Bicep templates)";
}
