namespace PressRoom.Tests.Infrastructure;

// xunit finds collection definitions only in the test assembly itself, so every test project compiles this one file
// (linked by tests/Directory.Build.props); the fixtures they name live in PressRoom.Testing.

/// <summary>Tests that run whole runtimes (in process or as child processes) run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeCollection
{
    public const string Name = "Runtime";
}

/// <summary>Storage tests share one Azurite (see <see cref="AzuriteFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
