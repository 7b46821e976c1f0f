using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;

namespace HostOps.Jobs.Client;

/// <summary>Checks a submitted operation before it becomes a job: a known type whose kind (query/modify) is clear.</summary>
public static class OperationInput
{
    public static void Validate(JobOperation? operation)
    {
        if (operation is null)
        {
            throw new JobRequestException("operation", "operation is required");
        }

        if (string.IsNullOrWhiteSpace(operation.Type))
        {
            throw new JobRequestException("operation.type", "operation.type is required");
        }

        if (!OperationTypes.IsKnown(operation.Type))
        {
            throw new JobRequestException(
                "operation.type", $"unknown operation type '{operation.Type}'; known types: {string.Join(", ", OperationTypes.All)}");
        }
    }
}
