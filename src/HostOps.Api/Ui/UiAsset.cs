namespace HostOps.Api.Ui;

/// <summary>One file of the dashboard: its bytes, content type and ETag.</summary>
internal sealed record UiAsset(byte[] Content, string ContentType, string ETag);
