namespace LoyaltyStudio.Domain.Customers;

/// <summary>What a customer has agreed to: marketing per channel, and profiling (being scored by our models).</summary>
public sealed class Consent
{
    public bool Email { get; private set; }
    public bool Sms { get; private set; }
    public bool Push { get; private set; }
    public bool Profiling { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private Consent() { }

    public Consent(bool email, bool sms, bool push, bool profiling, DateTime updatedAt)
    {
        Email = email;
        Sms = sms;
        Push = push;
        Profiling = profiling;
        UpdatedAt = updatedAt;
    }

    public static Consent None(DateTime at) => new(false, false, false, false, at);

    public bool Allows(MarketingChannel channel) => channel switch
    {
        MarketingChannel.Email => Email,
        MarketingChannel.Sms => Sms,
        MarketingChannel.Push => Push,
        _ => false,
    };

    public Consent WithChannel(MarketingChannel channel, bool granted, DateTime at) => channel switch
    {
        MarketingChannel.Email => new Consent(granted, Sms, Push, Profiling, at),
        MarketingChannel.Sms => new Consent(Email, granted, Push, Profiling, at),
        MarketingChannel.Push => new Consent(Email, Sms, granted, Profiling, at),
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public Consent WithProfiling(bool granted, DateTime at) => new(Email, Sms, Push, granted, at);
}
