namespace PressRoom.Tests.Infrastructure;

/// <summary>Tests that run whole runtimes (in process or as child processes) run one at a time: the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuntimeCollection
{
    public const string Name = "Runtime";
}
