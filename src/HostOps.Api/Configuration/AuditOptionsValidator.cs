using Microsoft.Extensions.Options;

namespace HostOps.Api.Configuration;

/// <summary>Checks <c>api:audit</c> on start; each failure is one line naming the key.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAge.Value <= TimeSpan.Zero)
        {
            failures.Add("api.audit.max_age: must be greater than zero");
        }

        if (options.MaxBytes.Bytes <= 0)
        {
            failures.Add("api.audit.max_bytes: must be greater than zero");
        }

        if (options.Replicas is < 1)
        {
            failures.Add("api.audit.replicas: must be at least 1");
        }

        if (options.Queue < 1)
        {
            failures.Add("api.audit.queue: must be at least 1");
        }

        if (string.IsNullOrWhiteSpace(options.Stream) || string.IsNullOrWhiteSpace(options.SubjectPrefix)
            || options.SubjectPrefix.IndexOfAny([' ', '*', '>']) >= 0 || options.Stream.IndexOfAny([' ', '.', '*', '>']) >= 0)
        {
            failures.Add("api.audit.stream / api.audit.subject_prefix: a stream name and a subject prefix without spaces or wildcards");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
