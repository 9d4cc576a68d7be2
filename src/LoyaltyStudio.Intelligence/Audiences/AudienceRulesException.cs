using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>Audience rules that cannot be read or evaluated; <see cref="Problems"/> lists every fault, one message each.</summary>
public sealed class AudienceRulesException : DomainException
{
    public AudienceRulesException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public AudienceRulesException(string message)
        : base(message) => Problems = [message];

    public AudienceRulesException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public AudienceRulesException()
        : this("The audience rules cannot be evaluated.")
    {
    }

    public IReadOnlyList<string> Problems { get; }
}
