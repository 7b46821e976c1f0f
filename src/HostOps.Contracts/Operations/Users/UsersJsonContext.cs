using System.Text.Json.Serialization;

namespace HostOps.Contracts.Operations.Users;

/// <summary>The JSON of the user, group and SSH key operations.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NoInput))]
[JsonSerializable(typeof(UserRequest))]
[JsonSerializable(typeof(UserChangeRequest))]
[JsonSerializable(typeof(UserDeleteRequest))]
[JsonSerializable(typeof(UserPasswordRequest))]
[JsonSerializable(typeof(GroupRequest))]
[JsonSerializable(typeof(GroupChangeRequest))]
[JsonSerializable(typeof(GroupDeleteRequest))]
[JsonSerializable(typeof(SshKeyAddRequest))]
[JsonSerializable(typeof(SshKeyRemoveRequest))]
[JsonSerializable(typeof(NodeResults<UserListResult>))]
[JsonSerializable(typeof(NodeResults<UserResult>))]
[JsonSerializable(typeof(NodeResults<GroupListResult>))]
[JsonSerializable(typeof(NodeResults<GroupResult>))]
[JsonSerializable(typeof(NodeResults<SshKeyListResult>))]
[JsonSerializable(typeof(NodeResults<SshKeyResult>))]
public sealed partial class UsersJsonContext : JsonSerializerContext;
