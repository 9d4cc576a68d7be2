namespace LoyaltyStudio.Intelligence.Scoring;

/// <summary>A scoring run or training cannot start or cannot go on with the data and models there are; the message says what is missing.</summary>
public sealed class ScoringNotReadyException : Exception
{
    public ScoringNotReadyException()
        : base("Scoring cannot run yet.")
    {
    }

    public ScoringNotReadyException(string message)
        : base(message)
    {
    }

    public ScoringNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
