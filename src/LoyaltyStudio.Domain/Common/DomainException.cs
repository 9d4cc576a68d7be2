namespace LoyaltyStudio.Domain.Common;

/// <summary>A business rule was broken; the message is written for the person who tried.</summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    public DomainException() : base("A business rule was broken.") { }
}
