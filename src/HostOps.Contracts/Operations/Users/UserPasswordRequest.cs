namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// Input of <c>user.password.set</c>: either <see cref="Hash"/>, a crypt hash, or <see cref="Password"/>, a plaintext
/// the API turns into a SHA-512 crypt hash (<see cref="Sha512Crypt"/>) before the job is stored
/// (<see cref="AccountRules.HashPassword"/>): the plaintext never reaches the job store, an agent, a log or an answer.
/// </summary>
public sealed record UserPasswordRequest : ChangeRequest
{
    public required string Name { get; init; }

    /// <summary>The plaintext; replaced by <see cref="Hash"/> on the API.</summary>
    public string? Password { get; init; }

    /// <summary>A crypt hash: <c>$6$…</c> (SHA-512), <c>$5$…</c> (SHA-256) or <c>$y$…</c> (yescrypt).</summary>
    public string? Hash { get; init; }
}
