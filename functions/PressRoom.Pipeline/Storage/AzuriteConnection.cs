using System.Globalization;
using Azure.Storage.Blobs;

namespace PressRoom.Pipeline.Storage;

/// <summary>Connection strings for Azurite, the local storage emulator (its documented, public development account).</summary>
public static class AzuriteConnection
{
    const string Account = "devstoreaccount1";
    const string WellKnownDevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string Create(int blobPort, int queuePort, int tablePort, string host = "127.0.0.1") =>
        string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={WellKnownDevelopmentKey};" +
            $"BlobEndpoint=http://{host}:{blobPort}/{Account};QueueEndpoint=http://{host}:{queuePort}/{Account};TableEndpoint=http://{host}:{tablePort}/{Account};");

    /// <summary>Polls the blob endpoint until Azurite answers.</summary>
    public static async Task WaitUntilReadyAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var client = new BlobServiceClient(connectionString);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await client.GetPropertiesAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
