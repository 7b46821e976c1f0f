namespace HostOps.Jobs.Configuration;

/// <summary><c>job.worker.files</c>: where the file operations (<c>/fs</c>, deploys) may read and write on this agent.</summary>
public sealed class JobWorkerFilesOptions
{
    /// <summary>
    /// Absolute directories whose files may be read and written; unset keeps the default (<c>/etc</c>, <c>/opt</c>,
    /// <c>/srv</c>, <c>/var/lib/hostops</c>). A list replaces the default entirely; <c>/</c> allows every path.
    /// </summary>
    public List<string>? Allow { get; set; }
}
