namespace LoyaltyStudio.Intelligence.Offers;

/// <summary>
/// What past campaigns show for one group of customers: how many were treated and held out, how many of each bought in
/// the offer window, and how many treated customers redeemed the offer.
/// </summary>
public readonly record struct ResponseEvidence(int Treated, int TreatedBuyers, int Redeemed, int Holdout, int HoldoutBuyers)
{
    /// <summary>Treated buying rate minus held-out buying rate; null when either side is empty.</summary>
    public double? MeasuredUplift => Treated > 0 && Holdout > 0
        ? ((double)TreatedBuyers / Treated) - ((double)HoldoutBuyers / Holdout)
        : null;

    /// <summary>
    /// The sample size a difference of two rates is worth: n_t·n_h / (n_t + n_h), since its variance is about
    /// π(1 − π)·(1/n_t + 1/n_h). Zero when either side is empty.
    /// </summary>
    public double EffectiveSize => Treated > 0 && Holdout > 0 ? (double)Treated * Holdout / (Treated + Holdout) : 0;

    /// <summary>The counts of both groups together.</summary>
    public ResponseEvidence Plus(ResponseEvidence other) => new(Treated + other.Treated, TreatedBuyers + other.TreatedBuyers,
        Redeemed + other.Redeemed, Holdout + other.Holdout, HoldoutBuyers + other.HoldoutBuyers);
}

/// <summary>The estimated uplift and redemption rate of one group, with the evidence behind them.</summary>
public sealed record ResponseEstimate(double Uplift, double RedemptionRate, ResponseEvidence Evidence);
