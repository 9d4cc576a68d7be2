using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Loyalty;

namespace LoyaltyStudio.Domain.Customers;

/// <summary>A member of the loyalty programme.</summary>
public class Customer
{
    public long Id { get; private set; }

    /// <summary>The id the customer has in the source system (shop, CRM); the natural key for imports.</summary>
    public string ExternalId { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public AgeBand AgeBand { get; private set; }
    public string Region { get; private set; } = "";
    public DateTime SignupDate { get; private set; }
    public SalesChannel SignupChannel { get; private set; }
    public string TierCode { get; private set; } = Tier.DefaultCode;
    public Consent Consent { get; private set; } = null!;

    /// <summary>When new data about the customer arrived after the last scoring run; null when the scores are current.</summary>
    public DateTime? RescoreRequestedAt { get; private set; }

    private Customer() { }

    public Customer(string externalId, string firstName, string lastName, string? email, string? phone,
        AgeBand ageBand, string region, DateTime signupDate, SalesChannel signupChannel, Consent consent)
    {
        if (string.IsNullOrWhiteSpace(externalId))
            throw new DomainException("A customer needs an external id.");
        ExternalId = externalId.Trim();
        FirstName = firstName?.Trim() ?? "";
        LastName = lastName?.Trim() ?? "";
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        AgeBand = ageBand;
        Region = region?.Trim() ?? "";
        SignupDate = signupDate;
        SignupChannel = signupChannel;
        Consent = consent ?? throw new ArgumentNullException(nameof(consent));
    }

    public string DisplayName => $"{FirstName} {LastName}".Trim();

    public void ChangeConsent(Consent consent) => Consent = consent ?? throw new ArgumentNullException(nameof(consent));

    /// <summary>Marks the customer for re-scoring because new orders, events or details arrived.</summary>
    public void MarkForRescoring(DateTime at) => RescoreRequestedAt ??= at;

    /// <summary>Clears the mark once a scoring run has taken the customer's latest data into account.</summary>
    public void RescoringDone() => RescoreRequestedAt = null;

    public void MoveToTier(Tier tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        TierCode = tier.Code;
    }
}
