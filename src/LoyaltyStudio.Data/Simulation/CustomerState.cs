using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;

namespace LoyaltyStudio.Data.Simulation;

internal sealed partial class CustomerSimulation
{
    /// <summary>One customer's latent traits: what the simulator knows and models can only estimate.</summary>
    private sealed class Traits
    {
        /// <summary>λ: purchases per day while active.</summary>
        public double PurchaseRate { get; init; }

        /// <summary>p: chance of leaving after each repeat purchase.</summary>
        public double DropoutProbability { get; init; }

        /// <summary>ν: the Gamma-Gamma spend rate; the mean order is p/ν.</summary>
        public double SpendRate { get; init; }

        public double[] Preferences { get; init; } = [];
        public double[] ChannelMix { get; init; } = [];
        public double DiscountAffinity { get; init; }
        public double RedeemPropensity { get; init; }
        public double OpenRate { get; init; }
        public bool EmailConsentAtSignup { get; set; }
        public DateTime? EmailOptOutAt { get; set; }

        public OfferResponseType Response { get; set; }
        public double OfferUplift { get; set; }
        public double ExtraPurchaseChance { get; set; }
        public double SkipChance { get; set; }

        public DateTime? ShiftAt { get; set; }
        public int ShiftFrom { get; set; }
        public int ShiftTo { get; set; }
        public double[] PreferencesAfterShift { get; set; } = [];

        public DateTime? BecameInactiveAt { get; set; }

        public bool EmailConsentAt(DateTime at) => EmailConsentAtSignup && (EmailOptOutAt is null || at < EmailOptOutAt);

        public double[] PreferencesAt(DateTime at) => ShiftAt is { } shift && at >= shift ? PreferencesAfterShift : Preferences;

        public bool ActiveAt(DateTime at) => BecameInactiveAt is null || at <= BecameInactiveAt;
    }

    /// <summary>What the simulation of one customer carries from step to step.</summary>
    private sealed class State(SeededRandom random, Customer customer, Traits traits, DemoBatch batch, DemoIds ids)
    {
        private readonly Queue<(DateTime At, decimal Total)> _window = new();
        private decimal _windowSpend;

        public SeededRandom Random { get; } = random;
        public Customer Customer { get; } = customer;
        public Traits Traits { get; } = traits;
        public DemoBatch Batch { get; } = batch;
        public DemoIds Ids { get; } = ids;
        public PointsLedger Ledger { get; } = new(customer.Id);
        public List<PastCampaign> TreatedIn { get; } = [];

        /// <summary>Order that redeemed each treated campaign's offer, by campaign index.</summary>
        public Dictionary<int, (long OrderId, DateTime At)> Redemptions { get; } = [];
        public DateTime? LastOrderAt { get; set; }

        public void AddSpend(DateTime at, decimal total)
        {
            _window.Enqueue((at, total));
            _windowSpend += total;
        }

        /// <summary>Spend of orders after <paramref name="asOf"/> − 365 days and up to it (orders arrive in time order).</summary>
        public decimal QualifyingSpend(DateTime asOf)
        {
            var windowStart = asOf - TierRules.QualifyingWindow;
            while (_window.Count > 0 && _window.Peek().At <= windowStart)
                _windowSpend -= _window.Dequeue().Total;
            return _windowSpend;
        }
    }
}
