namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>Churn training that cannot be done with the data at hand (too few customers, one class only); the message says what is missing.</summary>
public sealed class ChurnTrainingException : Exception
{
    public ChurnTrainingException()
    {
    }

    public ChurnTrainingException(string message)
        : base(message)
    {
    }

    public ChurnTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
