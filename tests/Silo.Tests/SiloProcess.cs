using System.Diagnostics;
using System.Text;

namespace ImpactMesh.Silo.Tests;

/// <summary>A real Silo process (the built ImpactMesh.Silo.dll) on its own HTTP and Orleans ports.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    public const string AdminKey = "cluster-admin-key-0123456789";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int httpPort)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<SiloProcess> StartAsync(string redis, string clusterId, CancellationToken cancellationToken)
    {
        var httpPort = RedisServer.FreePort();
        var info = new ProcessStartInfo("dotnet", $"\"{SiloDll()}\"")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "Silo"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["IMPACTMESH_REDIS"] = redis;
        info.Environment["IMPACTMESH_ADMIN_KEY"] = AdminKey;
        info.Environment["Orleans__ClusterId"] = clusterId;
        info.Environment["Orleans__ServiceId"] = clusterId;
        info.Environment["Orleans__SiloPort"] = RedisServer.FreePort().ToString();
        info.Environment["Orleans__GatewayPort"] = RedisServer.FreePort().ToString();
        info.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var silo = new SiloProcess(Process.Start(info)!, httpPort);
        await silo.WaitHealthyAsync(cancellationToken);
        return silo;
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>Stops the silo as an operator would (SIGTERM), letting it leave the cluster gracefully.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", $"-TERM {_process.Id}")) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The silo did not become healthy within 90 s:\n{Output}");
    }

    private static string SiloDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "Silo", "bin", configuration, "net10.0", "ImpactMesh.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first; the Silo was not found", dll);
    }
}
