using System.Diagnostics;
using System.Text;

namespace ImpactMesh.LoadTests.Hosting;

/// <summary>
/// A Silo process on this machine (the built <c>Silo/bin/&lt;Configuration&gt;/net10.0/ImpactMesh.Silo.dll</c>) joining the
/// cluster <c>clusterId</c> through Redis, on its own HTTP and Orleans ports.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<SiloProcess> StartAsync(string redis, string clusterId, string adminKey)
    {
        var httpPort = EmbeddedSilo.FreePort();
        var root = RepositoryRoot();
        var info = new ProcessStartInfo("dotnet", $"\"{SiloDll(root)}\"")
        {
            WorkingDirectory = Path.Combine(root, "Silo"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["IMPACTMESH_REDIS"] = redis;
        info.Environment["IMPACTMESH_ADMIN_KEY"] = adminKey;
        info.Environment["Orleans__ClusterId"] = clusterId;
        info.Environment["Orleans__ServiceId"] = clusterId;
        info.Environment["Orleans__SiloPort"] = EmbeddedSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Orleans__GatewayPort"] = EmbeddedSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Urls"] = $"http://127.0.0.1:{httpPort}";
        info.Environment["ImpactMesh__SampleTopology"] = "";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var silo = new SiloProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{httpPort}"));
        await silo.WaitHealthyAsync();
        return silo;
    }

    /// <summary>CPU seconds the silo process has used so far.</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.HasExited ? double.NaN : _process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>The silo's working set in MB.</summary>
    public double WorkingSetMB()
    {
        _process.Refresh();
        return _process.HasExited ? double.NaN : Math.Round(_process.WorkingSet64 / 1e6, 1);
    }

    /// <summary>Stops the silo gracefully (SIGTERM) so it leaves the cluster, killing it after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", $"-TERM {_process.Id}")) await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The silo did not become healthy within 120 s:\n{Output}");
    }

    private static string SiloDll(string root)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(root, "Silo", "bin", configuration, "net10.0", "ImpactMesh.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the Silo first (dotnet build -c {configuration}); not found", dll);
    }

    /// <summary>The folder with ImpactMesh.sln above this program, or else above the current directory.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ImpactMesh.sln"))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"ImpactMesh.sln not found above {AppContext.BaseDirectory} or the current directory");
    }
}
