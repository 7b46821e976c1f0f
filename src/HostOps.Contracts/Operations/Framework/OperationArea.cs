namespace HostOps.Contracts.Operations;

/// <summary>
/// A group of operations: the first segment of their routes (<c>/service/…</c>), their OpenAPI tag and their CLI
/// group (<c>hostops client service …</c>).
/// </summary>
/// <param name="Name">Lower case, e.g. <c>service</c>.</param>
/// <param name="Tag">The OpenAPI tag, e.g. <c>Services</c>.</param>
/// <param name="Description">One line for the CLI group's help.</param>
public sealed record OperationArea(string Name, string Tag, string Description);
