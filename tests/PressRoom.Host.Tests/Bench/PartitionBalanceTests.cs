using PressRoom.Host.Bench;

namespace PressRoom.Tests.Bench;

/// <summary>The benchmark starts a multi-process burst only once the task hub's partitions are split and none is moving.</summary>
public sealed class PartitionBalanceTests
{
    static PartitionLease Owned(string owner) => new(owner, null);

    [Fact]
    public void Partitions_split_over_both_processes_are_balanced()
    {
        Assert.True(PartitionBalance.IsBalanced([Owned("a"), Owned("b"), Owned("a"), Owned("b")], partitions: 4, owners: 2));
    }

    [Fact]
    public void One_process_holding_every_partition_is_not_balanced_for_two()
    {
        Assert.False(PartitionBalance.IsBalanced([Owned("a"), Owned("a"), Owned("a"), Owned("a")], partitions: 4, owners: 2));
        Assert.True(PartitionBalance.IsBalanced([Owned("a"), Owned("a"), Owned("a"), Owned("a")], partitions: 4, owners: 1));
    }

    [Fact]
    public void A_partition_on_the_move_or_unowned_or_not_yet_created_is_not_balanced()
    {
        Assert.False(PartitionBalance.IsBalanced([Owned("a"), Owned("b"), Owned("a"), new("a", "b")], partitions: 4, owners: 2));
        Assert.False(PartitionBalance.IsBalanced([Owned("a"), Owned("b"), Owned("a"), new(null, null)], partitions: 4, owners: 2));
        Assert.False(PartitionBalance.IsBalanced([Owned("a"), Owned("b"), Owned("a")], partitions: 4, owners: 2));
    }
}
