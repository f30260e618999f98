using System.Net;
using System.Text;

namespace ImpactMesh.Silo.Tests.Hosting;

/// <summary>The Silo as `dotnet run --project Silo` starts it: embedded, in-memory storage, sample estate and demo feed.</summary>
public sealed class EmbeddedSiloTests
{
    [Fact]
    public async Task Stopped_WithStatesNotYetWritten_ShutsDownWithoutFailures()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = await SiloProcess.StartAsync("", "embedded-" + Guid.NewGuid().ToString("N")[..8], ct);
        using var client = silo.CreateClient();

        // A status change right before the stop leaves component states to write (they are written a second later).
        var posted = await client.PostAsync("/api/components/dns/events",
            new StringContent("""{"status":"critical","message":"resolvers down","source":"test"}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await silo.StopAsync();

        // In-memory state dies with the silo, whose storage grain is gone first: writing it would only fail, loudly. (Orleans'
        // own stream agents may still log a cancelled read as they stop; that is theirs, not a lost write.)
        var output = silo.Output;
        string[] failures = ["could not persist", "MemoryGrainStorage", "No active nodes are compatible", "SiloUnavailableException", "round of samples failed"];
        Assert.False(failures.Any(f => output.Contains(f, StringComparison.Ordinal)), output);
    }
}
