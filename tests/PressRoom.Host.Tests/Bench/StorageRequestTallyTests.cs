using PressRoom.Host.Runtime;

namespace PressRoom.Tests.Bench;

/// <summary>Azurite access-log lines counted by kind, so a benchmark can say where a release's requests go.</summary>
public sealed class StorageRequestTallyTests
{
    static string Line(string method, string target, int status = 200) =>
        $"127.0.0.1 - - [06/Dec/2026:06:18:46 +0000] \"{method} {target} HTTP/1.1\" {status} -";

    [Theory]
    [InlineData("POST", "/devstoreaccount1/$batch", "POST table batch")]
    [InlineData("PATCH", "/devstoreaccount1/Releases(PartitionKey='ab',RowKey='cd')", "PATCH table Releases")]
    [InlineData("GET", "/devstoreaccount1/pressroomHistory()?$filter=PartitionKey%20eq%20'x'", "GET table pressroomHistory")]
    [InlineData("POST", "/devstoreaccount1/Releases", "POST table-or-queue Releases")]
    [InlineData("POST", "/devstoreaccount1/Tables?$format=application%2Fjson", "POST table (create/list tables)")]
    [InlineData("GET", "/devstoreaccount1/pressroom-control-03/messages?numofmessages=32", "GET queue pressroom-control-NN/messages")]
    [InlineData("DELETE", "/devstoreaccount1/pressroom-workitems/messages/4f2a?popreceipt=z", "DELETE queue pressroom-workitems/messages")]
    [InlineData("PUT", "/devstoreaccount1/processed/ddfa3958f6e6df71-646034ffe250927d/release.json", "PUT blob processed/*/release.json")]
    [InlineData("PUT", "/devstoreaccount1/releases/bench-1/00042-ar.txt", "PUT blob releases/*/*.txt")]
    [InlineData("PUT", "/devstoreaccount1/releases/health-forum.txt", "PUT blob releases/health-forum.txt")]
    [InlineData("PUT", "/devstoreaccount1/releases?restype=container", "PUT container releases")]
    [InlineData("GET", "/devstoreaccount1/?restype=service&comp=properties", "GET account")]
    public void Each_request_line_gets_its_kind(string method, string target, string kind) =>
        Assert.Equal(kind, StorageRequestTally.KindOf(Line(method, target)));

    [Fact]
    public void Only_request_lines_are_counted_and_kinds_add_up_to_the_total()
    {
        var tally = new StorageRequestTally();
        tally.Observe("Azurite Table service is successfully listening at http://127.0.0.1:10002");
        tally.Observe(null);
        tally.Observe(Line("POST", "/devstoreaccount1/$batch", 202));
        tally.Observe(Line("POST", "/devstoreaccount1/$batch", 202));
        tally.Observe(Line("GET", "/devstoreaccount1/pressroom-control-00/messages?numofmessages=32"));

        Assert.Equal(3, tally.Count);
        var kinds = tally.ByKind();
        Assert.Equal(2, kinds["POST table batch"]);
        Assert.Equal(1, kinds["GET queue pressroom-control-NN/messages"]);
        Assert.Equal(tally.Count, kinds.Values.Sum());
    }
}
