using System.Net;

namespace HostOps.Client.Errors;

/// <summary>The API answered with an error body <c>{error, details, code}</c>; <see cref="Exception.Message"/> is <c>error: details</c>.</summary>
public sealed class HostOpsApiException : Exception
{
    public HostOpsApiException(HttpStatusCode statusCode, string error, string? details, int code)
        : base(string.IsNullOrEmpty(details) ? error : $"{error}: {details}")
    {
        StatusCode = statusCode;
        Error = error;
        Details = details;
        Code = code;
    }

    public HostOpsApiException()
    {
        Error = "";
    }

    public HostOpsApiException(string message)
        : base(message)
    {
        Error = message;
    }

    public HostOpsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = message;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The error body's <c>error</c>.</summary>
    public string Error { get; }

    /// <summary>The error body's <c>details</c>, when given.</summary>
    public string? Details { get; }

    /// <summary>The error body's <c>code</c> (normally the HTTP status).</summary>
    public int Code { get; }
}
