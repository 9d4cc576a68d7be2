namespace LoyaltyStudio.Web.Features.Admin.Scoring;

/// <summary>A scoring run or training was asked for while another is in progress; one runs at a time.</summary>
public sealed class ScoringBusyException : Exception
{
    public ScoringBusyException()
        : base("A scoring run or training is already in progress; wait for it to finish.")
    {
    }

    public ScoringBusyException(string message)
        : base(message)
    {
    }

    public ScoringBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
