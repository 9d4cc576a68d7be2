namespace LoyaltyStudio.Intelligence.Churn;

/// <summary>A churn model that cannot be used as asked (unreadable artifact, features it was not trained on); the message says why.</summary>
public sealed class ChurnModelException : Exception
{
    public ChurnModelException()
    {
    }

    public ChurnModelException(string message)
        : base(message)
    {
    }

    public ChurnModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
