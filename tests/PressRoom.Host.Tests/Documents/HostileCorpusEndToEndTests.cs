using System.Security.Cryptography;
using Azure.Data.Tables;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Documents.Fixtures;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Documents;

/// <summary>
/// The whole hostile corpus goes through the real local runtime (Azurite, durable engine, blob watcher) while
/// valid releases flow beside it: each bad input (resource bombs included) and each badly named blob ends Rejected
/// with its reason, every valid one completes,
/// the runtime keeps answering, and every original blob is still there byte for byte.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileCorpusEndToEndTests(AzuriteFixture azurite)
{
    static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Hostile_uploads_are_rejected_with_reasons_while_valid_releases_complete()
    {
        using var cancellation = new CancellationTokenSource(Deadline + TimeSpan.FromMinutes(1));
        var ct = cancellation.Token;
        var dataDirectory = Directory.CreateTempSubdirectory("pressroom-e2e-").FullName;
        string[] args =
        [
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--PressRoom:TaskHub=hostile{Guid.NewGuid():N}"[..26],
            "--PressRoom:Url=http://127.0.0.1:0",
            $"--PressRoom:DataDirectory={dataDirectory}",
            "--PressRoom:WatchInterval=00:00:00.500",
        ];

        await using var runtime = await LocalRuntime.StartAsync(args, watch: true, ct);
        var container = runtime.Storage.ReleasesContainer;
        var run = Guid.NewGuid().ToString("N")[..8];

        // Valid releases interleaved with the corpus, so good work flows while bad input arrives.
        var valid = ValidReleases().Select(v => (Name: $"e2e-{run}/valid/{v.Name}", v.Bytes)).ToList();
        var hostile = HostileCorpus.All.Select(s => (Name: $"e2e-{run}/{s.Name}", Sample: s)).ToList();

        // Names another tool can put into storage but the name rule refuses: a row and a reason each, never silence.
        var badNames = new[] { $"e2e-{run}/bad-names/invoice\u202Etxt.exe", $"e2e-{run}/bad-names/zero\u200Bwidth.txt" };
        var uploads = new List<(string Name, byte[] Bytes)>();
        for (int i = 0; i < Math.Max(valid.Count, hostile.Count); i++)
        {
            if (i < hostile.Count)
            {
                uploads.Add((hostile[i].Name, hostile[i].Sample.Bytes));
            }

            if (i < valid.Count)
            {
                uploads.Add(valid[i]);
            }
        }

        uploads.AddRange(badNames.Select(n => (n, "Title\n\nA release under a name the rule refuses."u8.ToArray())));
        foreach (var (name, bytes) in uploads)
        {
            await container.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true, ct);
        }

        var rows = await WaitForFinalStatusAsync(runtime, uploads.Select(u => u.Name).ToHashSet(StringComparer.Ordinal), ct);

        var problems = new List<string>();
        foreach (var (name, sample) in hostile)
        {
            var row = rows[name];
            var status = row.GetString("Status");
            if (sample.Expected is { } reason)
            {
                if (status != ReleaseStatus.Rejected || row.GetString("ReasonCode") != reason.ToString())
                {
                    problems.Add($"{sample}: expected Rejected/{reason}, got {status}/{row.GetString("ReasonCode")}");
                }
                else if (string.IsNullOrWhiteSpace(row.GetString("Reason")))
                {
                    problems.Add($"{sample}: no reason sentence");
                }
            }
            else if (status != ReleaseStatus.Completed)
            {
                problems.Add($"{sample}: expected Completed, got {status}/{row.GetString("ReasonCode")}");
            }
        }

        foreach (var name in badNames)
        {
            if (rows[name].GetString("Status") != ReleaseStatus.Rejected || rows[name].GetString("ReasonCode") != nameof(RejectionReason.InvalidName))
            {
                problems.Add($"{name}: expected Rejected/InvalidName, got {rows[name].GetString("Status")}/{rows[name].GetString("ReasonCode")}");
            }
        }

        foreach (var (name, _) in valid)
        {
            if (rows[name].GetString("Status") != ReleaseStatus.Completed)
            {
                problems.Add($"{name}: valid release ended {rows[name].GetString("Status")}/{rows[name].GetString("ReasonCode")}");
            }
        }

        Assert.Empty(problems);

        // The runtime still answers, and no original was touched.
        using (var http = new HttpClient())
        {
            var health = await http.GetAsync(new Uri(runtime.Url + "/api/health"), ct);
            Assert.True(health.IsSuccessStatusCode);
        }

        foreach (var (name, bytes) in uploads)
        {
            var stored = (await container.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToArray();
            Assert.True(SHA256.HashData(stored).AsSpan().SequenceEqual(SHA256.HashData(bytes)), $"{name} changed");
        }
    }

    /// <summary>Polls the Releases table until every blob has a row in a final state (Completed, Rejected, Failed).</summary>
    static async Task<Dictionary<string, TableEntity>> WaitForFinalStatusAsync(LocalRuntime runtime, HashSet<string> names, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Deadline;
        var final = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        while (DateTime.UtcNow < deadline)
        {
            await foreach (var row in runtime.Storage.ReleasesTable.QueryAsync<TableEntity>(cancellationToken: ct))
            {
                var blob = row.GetString("SourceBlob");
                if (blob is not null && names.Contains(blob) && row.GetString("Status") is ReleaseStatus.Completed or ReleaseStatus.Rejected or ReleaseStatus.Failed)
                {
                    final[blob] = row;
                }
            }

            if (final.Count == names.Count)
            {
                return final;
            }

            await Task.Delay(1000, ct);
        }

        var missing = names.Where(n => !final.ContainsKey(n)).Take(10);
        Assert.Fail($"{names.Count - final.Count} releases did not finish in {Deadline}: {string.Join(", ", missing)}");
        return final;
    }

    static IEnumerable<(string Name, byte[] Bytes)> ValidReleases()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples")).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), File.ReadAllBytes(file));
        }

        yield return ("seed.txt", File.ReadAllBytes(RepoPaths.SeedRelease));
        yield return ("arabic.docx", DocxFixture.Build("وزارة الصحة تطلق حملة التطعيم", ["الدوحة – المكتب الإعلامي - 3 مايو", "أطلقت وزارة الصحة اليوم حملة التطعيم الموسمية في جميع المراكز الصحية."], rightToLeft: true));
        yield return ("english.pdf", HostileCorpus.ValidPdf());
        yield return ("english.html", "<html><body><h1>Port expands</h1><p>The port added two new berths.</p></body></html>"u8.ToArray());
    }
}
