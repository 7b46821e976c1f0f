using System.Diagnostics;
using HostOps.Testing;

namespace HostOps.EndToEnd.Tests.Packaging;

/// <summary>
/// The artifacts <c>./hostops package</c> put in <c>dist/</c>. <c>./test.sh</c> builds them first and sets
/// <c>HOSTOPS_REQUIRE_PACKAGES</c>, so there a missing package fails; a bare <c>dotnet test</c> skips these tests.
/// </summary>
internal static class Packages
{
    public static string Dist => Path.Combine(Repository.Root, "dist");

    public static string Deb(string name) => Path.Combine(Dist, $"{name}_{Repository.Version}_amd64.deb");

    /// <summary>Why the packages cannot be tested (the reason to skip), or null when they are there.</summary>
    public static string? Missing()
    {
        if (File.Exists(Deb("hostops")) && File.Exists(Deb("hostops-agent")))
        {
            return null;
        }

        var reason = $"no {Repository.Version} packages in {Dist}: run ./hostops package first";
        return Environment.GetEnvironmentVariable("HOSTOPS_REQUIRE_PACKAGES") == "1" ? throw new InvalidOperationException(reason) : reason;
    }

    /// <summary>Unpacks <paramref name="deb"/> under <paramref name="root"/>, as dpkg would under /.</summary>
    public static Task ExtractAsync(string deb, string root) => RunAsync("dpkg-deb", "-x", deb, root);

    /// <summary>Runs a tool to its end; its output, or an exception with it when it fails.</summary>
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output + await error
            : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}{await error}");
    }

    public static bool Has(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));
}
