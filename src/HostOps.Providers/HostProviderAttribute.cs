namespace HostOps.Providers;

/// <summary>
/// Marks a provider class for registration as a singleton by <c>AddHostOpsProviders</c> (the registration is
/// generated at build time), so a new provider needs no edit of a central list.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HostProviderAttribute : Attribute;
