namespace LoyaltyStudio.Data.GroundTruth;

/// <summary>
/// What the simulator knows about a customer and a model can only estimate: the latent purchase rate and
/// drop-out probability (BG/NBD), mean spend (Gamma-Gamma), when the customer really became inactive,
/// a preference shift and how they react to offers. Written by the simulator only; never read by the
/// scoring pipeline, only by tests and model-quality reports.
/// </summary>
public class CustomerTruth
{
    public long CustomerId { get; set; }

    /// <summary>Latent purchases per day while active (λ).</summary>
    public double PurchaseRate { get; set; }

    /// <summary>Probability of becoming inactive after each purchase (p).</summary>
    public double DropoutProbability { get; set; }

    /// <summary>Latent mean spend per order (the Gamma-Gamma ν draw turned into a mean).</summary>
    public double MeanSpend { get; set; }

    /// <summary>The moment the customer became inactive; null if still active at the end of the period.</summary>
    public DateTime? BecameInactiveAt { get; set; }

    /// <summary>When the customer's category preference shifted; null when it never did.</summary>
    public DateTime? PreferenceShiftAt { get; set; }
    public int? ShiftFromCategoryId { get; set; }
    public int? ShiftToCategoryId { get; set; }

    /// <summary>How the customer reacts to an offer.</summary>
    public OfferResponseType OfferResponse { get; set; }

    /// <summary>True increase of the probability of buying within an offer's window when treated.</summary>
    public double OfferUplift { get; set; }
}

/// <summary>The classic uplift groups.</summary>
public enum OfferResponseType
{
    /// <summary>Buys because of the offer.</summary>
    Persuadable,

    /// <summary>Buys anyway; the offer only costs money.</summary>
    SureThing,

    /// <summary>Does not buy, offer or not.</summary>
    LostCause,

    /// <summary>Buys less when contacted.</summary>
    DoNotDisturb,
}
