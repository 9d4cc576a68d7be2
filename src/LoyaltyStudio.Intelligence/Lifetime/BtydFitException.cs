namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>A lifetime-model fit that could not be done (too little data, no convergence); the message says why.</summary>
public sealed class BtydFitException : Exception
{
    public BtydFitException()
    {
    }

    public BtydFitException(string message)
        : base(message)
    {
    }

    public BtydFitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
