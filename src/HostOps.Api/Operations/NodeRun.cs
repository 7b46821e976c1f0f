using HostOps.Contracts.Errors;
using HostOps.Contracts.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostOps.Api.Operations;

/// <summary>The outcome of a node operation: the result items, or the error answer to give instead.</summary>
internal sealed record NodeRun<T>(NodeResults<T>? Results, JsonHttpResult<ErrorBody>? Error);
